import type { InstitutionProperties } from '../types'
import type { FilterField } from './filter-field'

const HOST_TRUE: readonly unknown[] = [true, 1, '1']
const HOST_FALSE: readonly unknown[] = [false, 0, '0']

/**
 * An on/off filter: `1`/`true` and `0`/`false` in the URL (written as `1`, left out when off); a host may send
 * `true`/`false`/`1`/`0`/`'1'`/`'0'` when `host` is set. When on, an institution must satisfy `has`.
 *
 * @example
 * const puhui = flagField({ param: 'puhui', host: true, has: (institution) => institution.puhui })
 * puhui.fromUrl('1') // true
 */
export function flagField(options: {
  param: string
  has(institution: InstitutionProperties): boolean
  host?: boolean
  inMore?: boolean
}): FilterField<boolean> {
  return {
    empty: false,
    param: options.param,
    fromUrl: (text) => (text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined),
    toUrl: (value) => (value ? '1' : null),
    fromHost: options.host ? (raw) => (HOST_TRUE.includes(raw) ? true : HOST_FALSE.includes(raw) ? false : undefined) : undefined,
    matches: (institution, value) => !value || options.has(institution),
    countInMore: options.inMore ? (value) => (value ? 1 : 0) : undefined,
  }
}
