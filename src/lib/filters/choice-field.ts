import type { InstitutionProperties } from '../types'
import type { FilterField } from './filter-field'

/**
 * One of a fixed list of keys, or null for "any". A host (when `host` is set) sends the key; `null` and `''`
 * clear it.
 *
 * @example
 * const town = choiceField({ param: 'town', choices: AREA_IDS, matches: (institution, area) => institution.area === area })
 * town.fromUrl('yangshe') // 'yangshe'
 * town.fromUrl('beijing') // undefined
 */
export function choiceField<T extends string>(options: {
  param: string
  choices: readonly T[]
  matches(institution: InstitutionProperties, value: T): boolean
  host?: boolean
  inMore?: boolean
}): FilterField<T | null> {
  const fromUrl = (text: string) => options.choices.find((choice) => choice === text)
  return {
    empty: null,
    param: options.param,
    fromUrl,
    toUrl: (value) => value,
    fromHost: options.host
      ? (raw) => (raw === null || raw === '' ? null : typeof raw === 'string' ? fromUrl(raw) : undefined)
      : undefined,
    matches: (institution, value) => value === null || options.matches(institution, value),
    countInMore: options.inMore ? (value) => (value === null ? 0 : 1) : undefined,
  }
}
