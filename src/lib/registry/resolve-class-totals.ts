import { CARE_CLASSES, type CareClass, type ClassPlaces } from '../types'
import type { RowIssue } from './registry-types'

/** The class cells of a row (null: empty) and its given totals (null: empty). */
export interface ClassTotalsInput {
  capacity: number | null
  capacityUnder2: number | null
  enrolled: number | null
  classes: Record<CareClass, { capacity: number | null; enrolled: number | null }>
}

export interface ClassTotals {
  capacity: number
  capacityUnder2: number
  enrolled: number
  /** Present only when the row has class cells. */
  classes?: Partial<Record<CareClass, ClassPlaces>>
}

export type ClassTotalsResult =
  | { ok: true; totals: ClassTotals }
  | { ok: false; issues: RowIssue<'missing-value' | 'class-exceeds-total'>[] }

const TOTAL_LABELS = { capacity: '托位数', capacityUnder2: '2岁以下托位数', enrolled: '在托人数' } as const
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

/**
 * The row's totals: without class cells the given ones (托位数 required; the others 0 when empty); with class cells
 * their sums (2岁以下 = 乳儿班 + 托小班), each no larger than a total the row also gives (else class-exceeds-total).
 *
 * @example
 * resolveClassTotals({ capacity: null, capacityUnder2: null, enrolled: null, classes: { infant: { capacity: 5, enrolled: 4 },
 *   toddler: { capacity: 15, enrolled: 12 }, older: { capacity: 20, enrolled: null } } })
 * // { ok: true, totals: { capacity: 40, capacityUnder2: 20, enrolled: 16, classes: { infant: …, toddler: …, older: { capacity: 20, enrolled: 0 } } } }
 */
export function resolveClassTotals(input: ClassTotalsInput): ClassTotalsResult {
  const given = CARE_CLASSES.filter((careClass) => input.classes[careClass].capacity !== null || input.classes[careClass].enrolled !== null)
  if (given.length === 0) {
    if (input.capacity === null) return { ok: false, issues: [{ code: 'missing-value', field: 'capacity', reason: '托位数为空' }] }
    return { ok: true, totals: { capacity: input.capacity, capacityUnder2: input.capacityUnder2 ?? 0, enrolled: input.enrolled ?? 0 } }
  }
  const classes: Partial<Record<CareClass, ClassPlaces>> = {}
  for (const careClass of given) {
    classes[careClass] = { capacity: input.classes[careClass].capacity ?? 0, enrolled: input.classes[careClass].enrolled ?? 0 }
  }
  const places = (careClass: CareClass) => classes[careClass]?.capacity ?? 0
  const derived = {
    capacity: sum(CARE_CLASSES.map(places)),
    capacityUnder2: places('infant') + places('toddler'),
    enrolled: sum(CARE_CLASSES.map((careClass) => classes[careClass]?.enrolled ?? 0)),
  }
  const issues = (['capacity', 'capacityUnder2', 'enrolled'] as const)
    .filter((key) => { const total = input[key]; return total !== null && derived[key] > total })
    .map((key) => ({
      code: 'class-exceeds-total' as const, field: key,
      reason: `分班型合计（${derived[key]}）大于${TOTAL_LABELS[key]}（${input[key]}）`,
    }))
  return issues.length > 0 ? { ok: false, issues } : { ok: true, totals: { ...derived, classes } }
}
