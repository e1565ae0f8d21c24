import type { CoverageState } from './create-coverage-state'
import type { CoverageSite } from './types'

export interface SuggestedSite {
  rank: number
  site: CoverageSite
  /** Children under 3 this site newly covers, given the sites ranked before it. */
  addedUnder3: number
  /** Ids of the communities it newly covers. */
  addedCommunityIds: string[]
}

export interface SuggestOptions {
  /** How many sites to choose (the plan's 10 community 普惠 points by default). */
  count?: number
  /** 托位 of each suggested site. */
  capacity?: number
}

/**
 * Greedy maximal covering: choose up to `count` candidate points that newly cover the most still-uncovered
 * children under 3 within the state's radius. Lazy greedy (a gain can only shrink, so a re-evaluated top
 * that still beats the next bound is the best); candidate→community lists come from the state's index.
 * Does not change the state; add the result with state.addSite.
 *
 * @example
 * suggestSites(state, candidates, { count: 10, capacity: 40 })[0] // { rank: 1, addedUnder3: 412, site: {…} }
 */
export function suggestSites(
  state: CoverageState, candidates: readonly { lng: number; lat: number }[], options: SuggestOptions = {},
): SuggestedSite[] {
  const count = options.count ?? 10
  const capacity = options.capacity ?? 40
  const { communities } = state
  const buffer = { indexes: new Int32Array(256), distances: new Float64Array(256) }
  const reach: number[][] = candidates.map(({ lng, lat }) => {
    const found = state.communityIndex.withinInto(lng, lat, state.radiusMeters, buffer)
    const list: number[] = []
    for (let position = 0; position < found; position++) {
      const index = buffer.indexes[position]
      if (state.coverCount(index) === 0 && communities[index].under3 > 0) list.push(index)
    }
    return list
  })
  const taken = new Uint8Array(communities.length)
  const gainOf = (candidate: number) =>
    reach[candidate].reduce((sum, index) => sum + (taken[index] ? 0 : communities[index].under3), 0)
  // Candidates sorted by an upper bound of their gain (higher first, then lower index for determinism).
  const heap = reach.map((_, candidate) => ({ bound: gainOf(candidate), candidate })).filter((entry) => entry.bound > 0)
  const better = (a: { bound: number; candidate: number }, b: { bound: number; candidate: number }) =>
    a.bound > b.bound || (a.bound === b.bound && a.candidate < b.candidate)
  heap.sort((a, b) => (better(a, b) ? -1 : 1))
  const result: SuggestedSite[] = []
  while (result.length < count && heap.length > 0) {
    const top = heap.shift()!
    const gain = gainOf(top.candidate)
    if (gain <= 0) continue
    if (heap.length > 0 && better(heap[0], { bound: gain, candidate: top.candidate })) {
      insertSorted(heap, { bound: gain, candidate: top.candidate }, better)
      continue
    }
    const added = reach[top.candidate].filter((index) => !taken[index])
    for (const index of added) taken[index] = 1
    const { lng, lat } = candidates[top.candidate]
    result.push({
      rank: result.length + 1,
      site: { id: `suggested-${result.length + 1}`, lng, lat, capacity, puhui: true, type: 'community', hypothetical: true },
      addedUnder3: gain,
      addedCommunityIds: added.map((index) => communities[index].id),
    })
  }
  return result
}

function insertSorted<T>(list: T[], item: T, better: (a: T, b: T) => boolean): void {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (better(list[middle], item)) low = middle + 1
    else high = middle
  }
  list.splice(low, 0, item)
}
