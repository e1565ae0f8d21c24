import type { CareClass, InstitutionProperties } from '../types'
import { careClassForAge } from './care-class-for-age'

export interface ClassVacancy {
  careClass: CareClass
  capacity: number
  /** Free places of that class, never negative. */
  vacancies: number
}

/**
 * The class a child of `months` would join at this institution, with its free places; null when the institution
 * records no classes (the totals then apply) or has no class for that age.
 *
 * @example
 * classVacancy({ ...institution, classes: { toddler: { capacity: 15, enrolled: 12 } } }, 18)
 * // { careClass: 'toddler', capacity: 15, vacancies: 3 }
 */
export function classVacancy(institution: Pick<InstitutionProperties, 'classes'>, months: number): ClassVacancy | null {
  const careClass = careClassForAge(months)
  const recorded = careClass ? institution.classes?.[careClass] : undefined
  if (!careClass || !recorded || recorded.capacity <= 0) return null
  return { careClass, capacity: recorded.capacity, vacancies: Math.max(0, recorded.capacity - recorded.enrolled) }
}
