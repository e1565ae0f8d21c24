import { pinyin } from 'pinyin-pro'
import type { InstitutionProperties } from './types'

type Searchable = Pick<InstitutionProperties, 'id' | 'name' | 'address' | 'town'>

/** Lower-case, no spaces or punctuation, full-width folded: how both text and query are compared. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s·.,，。、()（）\-_'"]/g, '')
}

/** Searchable forms of one text: itself, its full pinyin and its pinyin initials. */
function keysOf(text: string): string[] {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  return [
    normalise(text),
    normalise(syllables.join('')),
    normalise(syllables.map((syllable) => syllable.charAt(0)).join('')),
  ]
}

/**
 * Builds a search over name, address and town that understands Chinese text, full pinyin (`yangshe`) and
 * pinyin initials (`ysz`). The returned function gives the ids that match, or null for an empty query.
 *
 * @example
 * const search = createInstitutionSearch(features.map((feature) => feature.properties))
 * search('ysz') // Set { ids of institutions in 杨舍镇 … }
 * search('  ') // null
 */
export function createInstitutionSearch(institutions: readonly Searchable[]): (query: string) => Set<string> | null {
  const entries = institutions.map((institution) => ({
    id: institution.id,
    keys: [institution.name, institution.address, institution.town].flatMap(keysOf),
  }))
  return (query: string) => {
    const needle = normalise(query)
    if (needle === '') return null
    const ids = new Set<string>()
    for (const entry of entries) {
      if (entry.keys.some((key) => key.includes(needle))) ids.add(entry.id)
    }
    return ids
  }
}
