import { gaussianDecay } from './gaussian-decay'
import { haversineMeters } from './haversine-meters'
import { matchesBasis } from './matches-basis'
import {
  DEFAULT_DESERT_MAX_SCORE, DEFAULT_DESERT_MIN_UNDER3, DEFAULT_RADIUS_METERS,
  type CommunityAccessibility, type CoverageBasis, type CoverageCommunity, type CoverageSite,
} from './types'

export interface AccessibilityOptions {
  sites: readonly CoverageSite[]
  communities: readonly CoverageCommunity[]
  radiusMeters?: number
  basis?: CoverageBasis
  desertMinUnder3?: number
  desertMaxScore?: number
}

/**
 * E2SFCA accessibility computed from scratch by plain pairwise loops (the incremental state does the same
 * with an index; this is the reference and suits small inputs):
 *   W(d) = (exp(-½(d/r)²) − exp(-½)) / (1 − exp(-½)) for d ≤ r, 0 beyond
 *   R_j = S_j / Σ_k P_k·W(d_kj)         (sites j, communities k within r; R_j = 0 when nobody is in reach)
 *   A_i = 1000 · Σ_j R_j·W(d_ij)         (accessible 托位 per 1,000 children under 3)
 * desert = under3 ≥ desertMinUnder3 and A_i < desertMaxScore (defaults 30 and 120, half of the plan's 240).
 *
 * @example
 * computeAccessibility({ sites, communities, radiusMeters: 1000 })[0] // { id: '320582…', score: 182.4, desert: false }
 */
export function computeAccessibility(options: AccessibilityOptions): CommunityAccessibility[] {
  const radius = options.radiusMeters ?? DEFAULT_RADIUS_METERS
  const minUnder3 = options.desertMinUnder3 ?? DEFAULT_DESERT_MIN_UNDER3
  const maxScore = options.desertMaxScore ?? DEFAULT_DESERT_MAX_SCORE
  const sites = options.sites.filter((site) => matchesBasis(site, options.basis ?? 'all'))
  const { communities } = options
  const weights = sites.map((site) => communities.map((community) =>
    gaussianDecay(haversineMeters(site.lng, site.lat, community.lng, community.lat), radius)))
  const ratios = sites.map((site, j) => {
    const demand = communities.reduce((sum, community, k) => sum + community.under3 * weights[j][k], 0)
    return demand > 0 ? site.capacity / demand : 0
  })
  return communities.map((community, i) => {
    const score = 1000 * sites.reduce((sum, _site, j) => sum + ratios[j] * weights[j][i], 0)
    return { id: community.id, score, desert: community.under3 >= minUnder3 && score < maxScore }
  })
}
