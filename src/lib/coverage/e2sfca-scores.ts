import { gaussianDecay } from './gaussian-decay'
import type { NeighbourBuffer } from './point-index'

/** One site's E2SFCA state: its supply and, while counted, its ratio R_j. */
export interface ScoredSite { site: { capacity: number }; ratio: number }

/**
 * E2SFCA accessibility per community, kept as running sums of R_j·W(d_ij) so that an edit only touches the
 * communities near the edited site. `apply` takes the site's neighbours as (index, distance) pairs; the
 * distances are turned into Gaussian weights in place.
 *
 * @example
 * const scores = new E2sfcaScores(cover.under3, 1000)
 * scores.apply(site, 1, pairs, communityIndex.withinInto(lng, lat, 1000, pairs))
 * scores.values[0] // 托位 per 1,000 under-3 of community 0
 */
export class E2sfcaScores {
  readonly values: Float64Array

  constructor(private readonly under3: Float64Array, private readonly radiusMeters: number) {
    this.values = new Float64Array(under3.length)
  }

  /** Adds (+1) or removes (−1) one counted site's R_j·W(d_ij) terms; on +1 computes its R_j first. */
  apply(site: ScoredSite, delta: 1 | -1, pairs: NeighbourBuffer, count: number): void {
    const { indexes, distances: weights } = pairs
    let demand = 0
    for (let pair = 0; pair < count; pair++) {
      weights[pair] = gaussianDecay(weights[pair], this.radiusMeters) // distances become weights in place
      demand += this.under3[indexes[pair]] * weights[pair]
    }
    // R_j is fixed when the site is counted: its demand does not depend on other sites.
    if (delta === 1) site.ratio = demand > 0 ? site.site.capacity / demand : 0
    const scoreDelta = delta * 1000 * site.ratio
    for (let pair = 0; pair < count; pair++) this.values[indexes[pair]] += scoreDelta * weights[pair]
  }
}
