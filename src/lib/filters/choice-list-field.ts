import type { InstitutionProperties } from '../types'
import type { FilterField } from './filter-field'

/** A host's list: at most this many items of at most this many characters. */
const MAX_HOST_ITEMS = 16
const MAX_HOST_ITEM_LENGTH = 32

/**
 * A set of keys from a fixed list, comma-separated in the URL (unknown keys dropped, duplicates merged); empty
 * means "any". A host (when `host` is set) sends an array in which every key must be known; `[]` clears it.
 *
 * @example
 * const types = choiceListField({ param: 'types', choices: INSTITUTION_TYPES, matches: (institution, types) => types.includes(institution.type) })
 * types.fromUrl('community,bogus,community') // ['community']
 */
export function choiceListField<T extends string>(options: {
  param: string
  choices: readonly T[]
  /** Called only with a non-empty list. */
  matches(institution: InstitutionProperties, value: readonly T[]): boolean
  host?: boolean
  countInMore?(value: readonly T[]): number
}): FilterField<T[]> {
  const fromUrl = (text: string) => {
    const items = [...new Set(text.split(','))].filter((item): item is T => options.choices.includes(item as T))
    return items.length > 0 ? items : undefined
  }
  const fromHost = (raw: unknown) => {
    if (!Array.isArray(raw) || raw.length > MAX_HOST_ITEMS) return undefined
    if (!raw.every((item) => typeof item === 'string' && item.length <= MAX_HOST_ITEM_LENGTH)) return undefined
    if (raw.length === 0) return []
    const parsed = fromUrl(raw.join(','))
    // Every listed key must be known: a partly valid list would filter differently than the host asked.
    return parsed !== undefined && parsed.length === new Set(raw).size ? parsed : undefined
  }
  return {
    empty: [],
    param: options.param,
    fromUrl,
    toUrl: (value) => (value.length > 0 ? value.join(',') : null),
    fromHost: options.host ? fromHost : undefined,
    matches: (institution, value) => value.length === 0 || options.matches(institution, value),
    countInMore: options.countInMore,
  }
}
