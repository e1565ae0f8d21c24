import { pinyin } from 'pinyin-pro'
import type { InstitutionProperties } from '../types'
import { normalizeSearchText } from './search-normalize'

type Searchable = Pick<InstitutionProperties, 'name' | 'address' | 'town'>

/** Full pinyin (no tones) and pinyin initials of one text, normalized. */
function pinyinKeysOf(text: string): string[] {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  return [
    normalizeSearchText(syllables.join('')),
    normalizeSearchText(syllables.map((syllable) => syllable.charAt(0)).join('')),
  ]
}

/**
 * Build-time pinyin keys of an institution: the full pinyin and the pinyin initials of its name, address and
 * town, normalized and joined by single spaces (the `searchKeys` property). Only the build script calls this:
 * pinyin-pro's dictionary never reaches the browser, which matches queries against the keys with plain string ops.
 *
 * @example
 * buildSearchKeys({ name: '梁丰托育', address: '梁丰路8号', town: '杨舍镇' })
 * // 'liangfengtuoyu lfty liangfenglu8hao lfl8h yangshezhen ysz'
 */
export function buildSearchKeys(institution: Searchable): string {
  const keys = [institution.name, institution.address, institution.town].flatMap(pinyinKeysOf)
  return [...new Set(keys.filter((key) => key !== ''))].join(' ')
}
