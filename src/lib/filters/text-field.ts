import type { FilterField } from './filter-field'

/**
 * Free text, trimmed, at most `maxLength` characters (longer text is ignored as invalid), '' for none. It has no
 * institution test of its own: the search index matches it. A host (when `host` is set) sends a string; blank
 * clears it.
 *
 * @example
 * const query = textField({ param: 'q', maxLength: 100, host: true })
 * query.fromUrl(' 杨舍 ') // '杨舍'
 */
export function textField(options: { param: string; maxLength: number; host?: boolean }): FilterField<string> {
  const fromUrl = (text: string) => {
    const trimmed = text.trim()
    return trimmed !== '' && trimmed.length <= options.maxLength ? trimmed : undefined
  }
  // A host's raw text may carry padding, up to four times the limit, before it is trimmed.
  const fromHost = (raw: unknown) => {
    if (typeof raw !== 'string' || raw.length > options.maxLength * 4) return undefined
    return raw.trim() === '' ? '' : fromUrl(raw)
  }
  return {
    empty: '',
    param: options.param,
    fromUrl,
    toUrl: (value) => (value.trim() === '' ? null : value.trim()),
    fromHost: options.host ? fromHost : undefined,
  }
}
