import type { InstitutionProperties } from '../types'
import type { FilterField } from './filter-field'

/** Longest text a host may send for a number (as the URL would carry it). */
const MAX_HOST_NUMBER_TEXT = 8

/**
 * A whole number in [min, max], or null for "any": plain digits in the URL. A host (when `host` is set) may send a
 * number or its digits; `null` and `''` clear it.
 *
 * @example
 * const age = integerField({ param: 'age', min: 0, max: 72, matches: (institution, months) => months >= institution.ageMinMonths })
 * age.fromUrl('18') // 18
 * age.fromUrl('18.5') // undefined
 */
export function integerField(options: {
  param: string
  min: number
  max: number
  matches(institution: InstitutionProperties, value: number): boolean
  host?: boolean
  inMore?: boolean
}): FilterField<number | null> {
  const fromUrl = (text: string) => {
    if (!/^\d+$/.test(text)) return undefined
    const value = Number(text)
    return value >= options.min && value <= options.max ? value : undefined
  }
  const fromHost = (raw: unknown) => {
    if (raw === null || raw === '') return null
    if (typeof raw === 'number') return fromUrl(String(raw))
    return typeof raw === 'string' && raw.length <= MAX_HOST_NUMBER_TEXT ? fromUrl(raw) : undefined
  }
  return {
    empty: null,
    param: options.param,
    fromUrl,
    toUrl: (value) => (value === null ? null : String(value)),
    fromHost: options.host ? fromHost : undefined,
    matches: (institution, value) => value === null || options.matches(institution, value),
    countInMore: options.inMore ? (value) => (value === null ? 0 : 1) : undefined,
  }
}
