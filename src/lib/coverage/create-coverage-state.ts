import { AREA_IDS, type AreaId } from '../types'
import { assembleMetrics, type PeopleTotals } from './assemble-metrics'
import { countCoveringSites } from './count-covering-sites'
import { createCountGrid, type CountGrid } from './create-count-grid'
import type { CoverageGrid } from './coverage-grid'
import { gaussianDecay } from './gaussian-decay'
import { matchesBasis } from './matches-basis'
import { createPointIndex, type NeighbourBuffer, type PointIndex } from './point-index'
import {
  DEFAULT_DESERT_MAX_SCORE, DEFAULT_DESERT_MIN_UNDER3, DEFAULT_RADIUS_METERS, MAX_RADIUS_METERS, MIN_RADIUS_METERS,
  type CommunityAccessibility, type CoverageBasis, type CoverageCommunity, type CoverageMetrics, type CoverageSite,
  type UncoveredCommunity,
} from './types'

export interface CoverageStateOptions {
  sites: readonly CoverageSite[]
  communities: readonly CoverageCommunity[]
  /** Static frame from createCoverageGrid; reuse it across states. */
  grid: CoverageGrid
  radiusMeters?: number
  basis?: CoverageBasis
  desertMinUnder3?: number
  desertMaxScore?: number
}

/** A live coverage model: running totals that site edits update incrementally. */
export interface CoverageState {
  readonly radiusMeters: number
  readonly basis: CoverageBasis
  readonly grid: CoverageGrid
  readonly communities: readonly CoverageCommunity[]
  readonly communityIndex: PointIndex
  /** Sites covering each grid cell (for display). Read-only for callers. */
  cellCounts(): Readonly<Uint32Array>
  metrics(): CoverageMetrics
  addSite(site: CoverageSite): CoverageMetrics
  moveSite(id: string, lng: number, lat: number): CoverageMetrics
  /** Change any field but the id (position, capacity, 普惠, type). */
  updateSite(id: string, changes: Partial<Omit<CoverageSite, 'id'>>): CoverageMetrics
  removeSite(id: string): CoverageMetrics
  /** Current sites (copies), counted or not, in insertion order. */
  sites(): CoverageSite[]
  /** Sites of the basis within the radius of community `index`. */
  coverCount(index: number): number
  /** Indexes of the communities whose cover or score the last edit touched. */
  lastChanged(): number[]
  uncoveredCommunities(area?: AreaId): UncoveredCommunity[]
  /** E2SFCA score and 托育荒漠 flag per community, in input order. */
  accessibility(): CommunityAccessibility[]
}

/** Area id → its slot in the per-area totals (the city total is the slot after the last area). */
const AREA_SLOT = new Map<string, number>(AREA_IDS.map((id, slot) => [id, slot]))

interface SiteRecord { site: CoverageSite; counted: boolean; ratio: number }

/**
 * Build a coverage state: counts people exactly (kdbush + haversine) and stamps every site's circle on the
 * count grid, as running totals so that addSite / moveSite / removeSite subtract the old circle and add
 * the new one instead of recomputing. E2SFCA accessibility is built on the first accessibility() call
 * (metrics do not need it) and from then on kept current by the same edits.
 *
 * E2SFCA with Gaussian decay W(d) = (exp(-½(d/r)²) − exp(-½)) / (1 − exp(-½)) for d ≤ r, 0 beyond:
 *   step 1, per site j:      R_j = S_j / Σ_k P_k·W(d_kj)   over communities k within r (S = 托位, P = under-3)
 *   step 2, per community i: A_i = 1000 · Σ_j R_j·W(d_ij)  over sites j within r (托位 per 1,000 under-3)
 * Only R_j of an edited site changes (the others' denominators do not depend on site positions), so an
 * edit updates A_i only for communities near the old and the new position.
 * A 托育荒漠 is a community with under3 ≥ desertMinUnder3 and A_i < desertMaxScore.
 *
 * @example
 * const state = createCoverageState({ sites, communities, grid, radiusMeters: 1000, basis: 'puhui' })
 * state.metrics().city.coveredShare // 0.81
 * state.addSite({ id: 'new-1', lng: 120.6, lat: 31.9, capacity: 40, puhui: true, type: 'community', hypothetical: true })
 * state.moveSite('new-1', 120.61, 31.9).areas.yangshe.coveredUnder3
 */
export function createCoverageState(options: CoverageStateOptions): CoverageState {
  const { grid, communities } = options
  const radiusMeters = options.radiusMeters ?? DEFAULT_RADIUS_METERS
  if (!(radiusMeters >= MIN_RADIUS_METERS && radiusMeters <= MAX_RADIUS_METERS)) {
    throw new RangeError(`radius ${radiusMeters} m is outside ${MIN_RADIUS_METERS}–${MAX_RADIUS_METERS} m`)
  }
  const basis = options.basis ?? 'all'
  const desertMinUnder3 = options.desertMinUnder3 ?? DEFAULT_DESERT_MIN_UNDER3
  const desertMaxScore = options.desertMaxScore ?? DEFAULT_DESERT_MAX_SCORE
  // The kdbush index serves edits and queries only: built on first use, as the initial counts need none.
  let communityIndexCache: PointIndex | null = null
  const communityIndexOf = () => (communityIndexCache ??= createPointIndex(communities))
  const cityIndex = AREA_IDS.length
  const areaOf = new Int8Array(communities.length)
  const under3 = new Float64Array(communities.length)
  const people: PeopleTotals = {
    under3: new Float64Array(cityIndex + 1), coveredUnder3: new Float64Array(cityIndex + 1),
    communities: new Int32Array(cityIndex + 1), uncoveredCommunities: new Int32Array(cityIndex + 1),
  }
  for (let index = 0; index < communities.length; index++) {
    const community = communities[index]
    const area = (areaOf[index] = AREA_SLOT.get(community.area) ?? -1)
    under3[index] = community.under3
    if (area >= 0) { people.under3[area] += community.under3; people.communities[area]++ }
    people.under3[cityIndex] += community.under3
    people.communities[cityIndex]++
  }
  people.uncoveredCommunities.set(people.communities)
  const coverCounts = new Int32Array(communities.length)
  const scores = new Float64Array(communities.length)
  const records = new Map<string, SiteRecord>()
  let changed: number[] = []
  let version = 0
  const pairs: NeighbourBuffer = { indexes: new Int32Array(256), distances: new Float64Array(256) }

  function markCovered(index: number, sign: 1 | -1): void {
    const area = areaOf[index]
    if (area >= 0) {
      people.coveredUnder3[area] += sign * under3[index]
      people.uncoveredCommunities[area] -= sign
    }
    people.coveredUnder3[cityIndex] += sign * under3[index]
    people.uncoveredCommunities[cityIndex] -= sign
  }

  /** E2SFCA scores are built on the first accessibility() call, then kept current by edits. */
  let scoresReady = false

  /** Adds (+1) or removes (−1) one counted site's R_j·W(d_ij) terms; on +1 computes its R_j first. */
  function applyScores(record: SiteRecord, delta: 1 | -1, count: number): void {
    const { indexes: pairIndex, distances: pairWeight } = pairs
    if (delta === 1) {
      let demand = 0
      for (let pair = 0; pair < count; pair++) {
        pairWeight[pair] = gaussianDecay(pairWeight[pair], radiusMeters) // distances become weights in place
        demand += under3[pairIndex[pair]] * pairWeight[pair]
      }
      record.ratio = demand > 0 ? record.site.capacity / demand : 0
    } else {
      for (let pair = 0; pair < count; pair++) pairWeight[pair] = gaussianDecay(pairWeight[pair], radiusMeters)
    }
    const scoreDelta = delta * 1000 * record.ratio
    for (let pair = 0; pair < count; pair++) scores[pairIndex[pair]] += scoreDelta * pairWeight[pair]
  }

  /** People (and, once built, E2SFCA) part of adding (+1) or removing (−1) a counted site. */
  function applyPeople(record: SiteRecord, delta: 1 | -1, track: boolean): void {
    const { lng, lat } = record.site
    const count = scoresReady
      ? communityIndexOf().withinInto(lng, lat, radiusMeters, pairs)
      : communityIndexOf().indexesWithinInto(lng, lat, radiusMeters, pairs)
    const pairIndex = pairs.indexes
    for (let pair = 0; pair < count; pair++) {
      const index = pairIndex[pair]
      if (delta === 1 ? coverCounts[index]++ === 0 : --coverCounts[index] === 0) markCovered(index, delta)
      if (track) changed.push(index)
    }
    if (scoresReady) applyScores(record, delta, count)
  }

  function ensureScores(): void {
    if (scoresReady) return
    for (const record of records.values()) {
      if (record.counted) applyScores(record, 1, communityIndexOf().withinInto(record.site.lng, record.site.lat, radiusMeters, pairs))
    }
    scoresReady = true
  }

  function apply(record: SiteRecord, delta: 1 | -1): void {
    countGrid.stamp(record.site.lng, record.site.lat, delta)
    applyPeople(record, delta, true)
  }

  const metrics = () => assembleMetrics(grid, people, countGrid.coveredPerClass, countGrid.coveredBorderUnits, radiusMeters)

  function insert(site: CoverageSite): void {
    if (records.has(site.id)) throw new Error(`site ${site.id} already exists`)
    // Cell counts are 16-bit: no cell can then be covered by more sites than that.
    if (records.size >= 65535) throw new Error('at most 65,535 sites')
    const record: SiteRecord = { site: { ...site }, counted: matchesBasis(site, basis), ratio: 0 }
    records.set(site.id, record)
    changed = []
    version++
    if (record.counted) apply(record, 1)
  }

  function addSite(site: CoverageSite): CoverageMetrics {
    insert(site)
    return metrics()
  }

  function updateSite(id: string, changes: Partial<Omit<CoverageSite, 'id'>>): CoverageMetrics {
    const record = records.get(id)
    if (!record) throw new Error(`no site ${id}`)
    changed = []
    version++
    const before = record.site
    const after = { ...record.site, ...changes, id }
    const counted = matchesBasis(after, basis)
    if (record.counted && counted) {
      // Still counted: the count grid moves the circle in one pass (only cells near the chord ends change).
      countGrid.move(before.lng, before.lat, after.lng, after.lat)
      applyPeople(record, -1, true)
      record.site = after
      applyPeople(record, 1, true)
      return metrics()
    }
    if (record.counted) apply(record, -1)
    record.site = after
    record.counted = counted
    if (record.counted) apply(record, 1)
    return metrics()
  }

  function removeSite(id: string): CoverageMetrics {
    const record = records.get(id)
    if (!record) throw new Error(`no site ${id}`)
    changed = []
    version++
    if (record.counted) apply(record, -1)
    records.delete(id)
    return metrics()
  }

  let nearestCache: { version: number; sites: CoverageSite[]; index: PointIndex } | null = null
  function uncoveredCommunities(area?: AreaId): UncoveredCommunity[] {
    if (nearestCache?.version !== version) {
      const counted = [...records.values()].filter((record) => record.counted).map((record) => record.site)
      nearestCache = { version, sites: counted, index: createPointIndex(counted) }
    }
    const index = nearestCache.index
    const result: UncoveredCommunity[] = []
    communities.forEach((community, position) => {
      if (coverCounts[position] > 0 || (area && community.area !== area)) return
      const nearest = index.nearest(community.lng, community.lat, radiusMeters * 2)
      result.push({
        id: community.id, name: community.name ?? community.id, area: community.area, under3: community.under3,
        nearestSiteMeters: nearest ? Math.round(nearest.distanceMeters) : null,
      })
    })
    return result.sort((a, b) => b.under3 - a.under3 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  function accessibility(): CommunityAccessibility[] {
    ensureScores()
    return communities.map((community, index) => {
      const score = Math.abs(scores[index]) < 1e-9 ? 0 : scores[index]
      return { id: community.id, score, desert: community.under3 >= desertMinUnder3 && score < desertMaxScore }
    })
  }

  // Initial build: cover counts from the bucket grid, the count grid from all circles at once.
  for (const site of options.sites) {
    if (records.has(site.id)) throw new Error(`site ${site.id} already exists`)
    records.set(site.id, { site: { ...site }, counted: matchesBasis(site, basis), ratio: 0 })
  }
  if (records.size > 65535) throw new Error('at most 65,535 sites')
  const countedSites = [...records.values()].filter((record) => record.counted).map((record) => record.site)
  coverCounts.set(countCoveringSites(communities, countedSites, radiusMeters))
  for (let index = 0; index < communities.length; index++) if (coverCounts[index] > 0) markCovered(index, 1)
  const countGrid: CountGrid = createCountGrid(grid, countedSites, radiusMeters)
  return {
    radiusMeters, basis, grid, communities,
    get communityIndex() { return communityIndexOf() },
    cellCounts: () => countGrid.counts(),
    metrics, addSite, updateSite, removeSite,
    moveSite: (id, lng, lat) => updateSite(id, { lng, lat }),
    sites: () => [...records.values()].map((record) => ({ ...record.site })),
    coverCount: (index) => coverCounts[index],
    lastChanged: () => [...new Set(changed)],
    uncoveredCommunities, accessibility,
  }
}
