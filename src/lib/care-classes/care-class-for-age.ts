import { CARE_CLASS_AGES, CARE_CLASSES, type CareClass } from '../types'

/**
 * The class (班型) of 托育机构设置标准（试行）(2019) a child of this age belongs in: 乳儿班 6–12 months, 托小班 12–24,
 * 托大班 24–36. A birthday on a boundary moves up (12 months → 托小班); outside 6–36 months there is none.
 *
 * @example
 * careClassForAge(18) // 'toddler'
 * careClassForAge(4) // null
 */
export function careClassForAge(months: number): CareClass | null {
  if (!Number.isFinite(months)) return null
  const found = CARE_CLASSES.find((careClass) => {
    const { minMonths, maxMonths } = CARE_CLASS_AGES[careClass]
    return months >= minMonths && (months < maxMonths || (careClass === 'older' && months === maxMonths))
  })
  return found ?? null
}
