import type { CoverageBasis, CoverageSite } from './types'

/**
 * Whether a site counts under a coverage basis (all sites, 普惠 only, or chosen types).
 *
 * @example
 * matchesBasis({ puhui: false, type: 'private' }, 'puhui') // false
 * matchesBasis({ puhui: false, type: 'private' }, ['private', 'center']) // true
 */
export function matchesBasis(site: Pick<CoverageSite, 'puhui' | 'type'>, basis: CoverageBasis): boolean {
  if (basis === 'all') return true
  if (basis === 'puhui') return site.puhui
  return basis.includes(site.type)
}
