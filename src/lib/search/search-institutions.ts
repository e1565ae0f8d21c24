import type { InstitutionProperties } from '../types'
import { normalizeSearchText } from './search-normalize'

type Searchable = Pick<InstitutionProperties, 'id' | 'name' | 'address' | 'town' | 'searchKeys'>

/**
 * Builds a search over name, address and town that understands Chinese text, full pinyin (`yangshe`, with or
 * without spaces) and pinyin initials (`ysz`). Pinyin comes from the build-time `searchKeys` of each institution
 * (scripts/build-data.ts); an institution without keys is found by its text only. Plain substring tests, no
 * dictionary in the browser. The returned function gives the ids that match, or null for an empty query.
 *
 * @example
 * const search = createInstitutionSearch(features.map((feature) => feature.properties))
 * search('ysz') // Set { ids of institutions in 杨舍镇 … }
 * search('  ') // null
 */
export function createInstitutionSearch(institutions: readonly Searchable[]): (query: string) => Set<string> | null {
  const ids: string[] = []
  const haystacks: string[] = []
  for (const institution of institutions) {
    ids.push(institution.id)
    // Normalized texts never contain a space, so joining by spaces keeps matches inside one key.
    haystacks.push([institution.name, institution.address, institution.town].map(normalizeSearchText).join(' ')
      + (institution.searchKeys ? ` ${institution.searchKeys}` : ''))
  }
  return (query: string) => {
    const needle = normalizeSearchText(query)
    if (needle === '') return null
    const found = new Set<string>()
    for (let index = 0; index < haystacks.length; index += 1) {
      if (haystacks[index].includes(needle)) found.add(ids[index])
    }
    return found
  }
}
