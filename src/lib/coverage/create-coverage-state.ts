import { assembleMetrics } from './assemble-metrics'
import { CommunityCover } from './community-cover'
import { countCoveringSites } from './count-covering-sites'
import { createCountGrid, type CountGrid } from './create-count-grid'
import type { CoverageGrid } from './coverage-grid'
import { E2sfcaScores } from './e2sfca-scores'
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
  /** Communities no site of the basis reaches (of one zone when given), most children first. */
  uncoveredCommunities(zone?: string): UncoveredCommunity[]
  /** E2SFCA score and 托育荒漠 flag per community, in input order. */
  accessibility(): CommunityAccessibility[]
}

interface SiteRecord { site: CoverageSite; counted: boolean; ratio: number }

/** Sort order of uncovered communities: most children first, then by id. */
function byUnder3ThenId(a: UncoveredCommunity, b: UncoveredCommunity): number {
  return b.under3 - a.under3 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function checkedRadius(radiusMeters: number): number {
  if (!(radiusMeters >= MIN_RADIUS_METERS && radiusMeters <= MAX_RADIUS_METERS)) {
    throw new RangeError(`radius ${radiusMeters} m is outside ${MIN_RADIUS_METERS}–${MAX_RADIUS_METERS} m`)
  }
  return radiusMeters
}

/** Site records by id, in insertion order; throws on a repeated id. */
function siteRecords(sites: readonly CoverageSite[], basis: CoverageBasis): Map<string, SiteRecord> {
  const records = new Map<string, SiteRecord>()
  for (const site of sites) {
    if (records.has(site.id)) throw new Error(`site ${site.id} already exists`)
    records.set(site.id, { site: { ...site }, counted: matchesBasis(site, basis), ratio: 0 })
  }
  return records
}

/** The live model behind createCoverageState: site records, community cover, E2SFCA scores and the count grid. */
class LiveCoverageState implements CoverageState {
  readonly radiusMeters: number
  readonly basis: CoverageBasis
  readonly grid: CoverageGrid
  readonly communities: readonly CoverageCommunity[]
  private readonly desertMinUnder3: number
  private readonly desertMaxScore: number
  private readonly records: Map<string, SiteRecord>
  private readonly cover: CommunityCover
  private readonly countGrid: CountGrid
  /** Built on first use: the initial counts need no kdbush index, only edits and queries do. */
  private communityIndexCache: PointIndex | null = null
  /** Built on the first accessibility() call, then kept current by edits. */
  private scores: E2sfcaScores | null = null
  private changed: number[] = []
  private version = 0
  private nearestCache: { version: number; index: PointIndex } | null = null
  private readonly pairs: NeighbourBuffer = { indexes: new Int32Array(256), distances: new Float64Array(256) }

  constructor(options: CoverageStateOptions) {
    this.grid = options.grid
    this.communities = options.communities
    this.radiusMeters = checkedRadius(options.radiusMeters ?? DEFAULT_RADIUS_METERS)
    this.basis = options.basis ?? 'all'
    this.desertMinUnder3 = options.desertMinUnder3 ?? DEFAULT_DESERT_MIN_UNDER3
    this.desertMaxScore = options.desertMaxScore ?? DEFAULT_DESERT_MAX_SCORE
    this.records = siteRecords(options.sites, this.basis)
    // Initial build: cover counts from the bucket grid, the count grid from all circles at once.
    const countedSites = this.countedSites()
    this.cover = new CommunityCover(this.communities, this.grid.areaIds)
    this.cover.setCounts(countCoveringSites(this.communities, countedSites, this.radiusMeters))
    this.countGrid = createCountGrid(this.grid, countedSites, this.radiusMeters)
  }

  get communityIndex(): PointIndex {
    return (this.communityIndexCache ??= createPointIndex(this.communities))
  }

  cellCounts(): Readonly<Uint32Array> { return this.countGrid.counts() }

  metrics(): CoverageMetrics {
    const { countGrid } = this
    return assembleMetrics(this.grid, this.cover.people, countGrid.coveredPerClass, countGrid.coveredBorderUnits, this.radiusMeters)
  }

  addSite(site: CoverageSite): CoverageMetrics {
    if (this.records.has(site.id)) throw new Error(`site ${site.id} already exists`)
    const record: SiteRecord = { site: { ...site }, counted: matchesBasis(site, this.basis), ratio: 0 }
    this.records.set(site.id, record)
    this.startEdit()
    if (record.counted) this.apply(record, 1)
    return this.metrics()
  }

  moveSite(id: string, lng: number, lat: number): CoverageMetrics { return this.updateSite(id, { lng, lat }) }

  updateSite(id: string, changes: Partial<Omit<CoverageSite, 'id'>>): CoverageMetrics {
    const record = this.record(id)
    this.startEdit()
    const before = record.site
    const after = { ...record.site, ...changes, id }
    const counted = matchesBasis(after, this.basis)
    if (record.counted && counted) {
      // Still counted: the count grid moves the circle in one pass (only cells near the chord ends change).
      this.countGrid.move(before.lng, before.lat, after.lng, after.lat)
      this.applyPeople(record, -1)
      record.site = after
      this.applyPeople(record, 1)
      return this.metrics()
    }
    if (record.counted) this.apply(record, -1)
    record.site = after
    record.counted = counted
    if (record.counted) this.apply(record, 1)
    return this.metrics()
  }

  removeSite(id: string): CoverageMetrics {
    const record = this.record(id)
    this.startEdit()
    if (record.counted) this.apply(record, -1)
    this.records.delete(id)
    return this.metrics()
  }

  sites(): CoverageSite[] { return [...this.records.values()].map((record) => ({ ...record.site })) }

  coverCount(index: number): number { return this.cover.counts[index] }

  lastChanged(): number[] { return [...new Set(this.changed)] }

  uncoveredCommunities(zone?: string): UncoveredCommunity[] {
    if (this.nearestCache?.version !== this.version) {
      this.nearestCache = { version: this.version, index: createPointIndex(this.countedSites()) }
    }
    const { index } = this.nearestCache
    const result: UncoveredCommunity[] = []
    this.communities.forEach((community, position) => {
      if (this.cover.counts[position] > 0 || (zone && community.area !== zone)) return
      const nearest = index.nearest(community.lng, community.lat, this.radiusMeters * 2)
      result.push({
        id: community.id, name: community.name ?? community.id, area: community.area, under3: community.under3,
        nearestSiteMeters: nearest ? Math.round(nearest.distanceMeters) : null,
      })
    })
    return result.sort(byUnder3ThenId)
  }

  accessibility(): CommunityAccessibility[] {
    const scores = this.ensureScores().values
    return this.communities.map((community, index) => {
      const score = Math.abs(scores[index]) < 1e-9 ? 0 : scores[index]
      return { id: community.id, score, desert: community.under3 >= this.desertMinUnder3 && score < this.desertMaxScore }
    })
  }

  private countedSites(): CoverageSite[] {
    return [...this.records.values()].filter((record) => record.counted).map((record) => record.site)
  }

  private record(id: string): SiteRecord {
    const record = this.records.get(id)
    if (!record) throw new Error(`no site ${id}`)
    return record
  }

  private startEdit(): void {
    this.changed = []
    this.version++
  }

  private ensureScores(): E2sfcaScores {
    if (this.scores) return this.scores
    const scores = new E2sfcaScores(this.cover.under3, this.radiusMeters)
    for (const record of this.records.values()) {
      if (!record.counted) continue
      scores.apply(record, 1, this.pairs, this.communityIndex.withinInto(record.site.lng, record.site.lat, this.radiusMeters, this.pairs))
    }
    return (this.scores = scores)
  }

  private apply(record: SiteRecord, delta: 1 | -1): void {
    this.countGrid.stamp(record.site.lng, record.site.lat, delta)
    this.applyPeople(record, delta)
  }

  /** People (and, once built, E2SFCA) part of adding (+1) or removing (−1) a counted site. */
  private applyPeople(record: SiteRecord, delta: 1 | -1): void {
    const { lng, lat } = record.site
    const { pairs, scores } = this
    const count = scores
      ? this.communityIndex.withinInto(lng, lat, this.radiusMeters, pairs)
      : this.communityIndex.indexesWithinInto(lng, lat, this.radiusMeters, pairs)
    for (let pair = 0; pair < count; pair++) {
      this.cover.add(pairs.indexes[pair], delta)
      this.changed.push(pairs.indexes[pair])
    }
    if (scores) scores.apply(record, delta, pairs, count)
  }
}

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
 * state.moveSite('new-1', 120.61, 31.9).areas.yangshe.coveredUnder3 // zones are keyed by the grid's zone ids
 */
export function createCoverageState(options: CoverageStateOptions): CoverageState {
  return new LiveCoverageState(options)
}
