import {
  buildCandidates, coverageGridPolygons, createCoverageGrid, createCoverageState, suggestSites,
  type CoverageCommunity, type CoverageSite, type CoverageState, type SuggestedSite,
} from '../lib/coverage'
import type { EngineInput, PlannerSettings, PlannerSnapshot } from './types'

/** Display blocks of 4 × 25 m cells: 100 m steps on the map, cheap enough to redraw on every drag frame. */
const DISPLAY_BLOCK_CELLS = 4

interface Session {
  input: EngineInput
  grid: ReturnType<typeof createCoverageGrid>
  candidates: { lng: number; lat: number }[]
  settings: PlannerSettings
  state: CoverageState
}

const changed = (before: CoverageSite, after: CoverageSite) => before.lng !== after.lng || before.lat !== after.lat
  || before.capacity !== after.capacity || before.puhui !== after.puhui || before.type !== after.type

/**
 * The planner's session around the shared coverage engine (src/lib/coverage): the registered sites plus the
 * planner's hypothetical ones. The worker exposes one (coverage.worker.ts) and the page calls it through Comlink.
 * Every change answers with a fresh snapshot; plain data in and out, so it crosses postMessage as it is.
 */
export class PlannerEngine {
  private session: Session | null = null
  private hypothetical = new Map<string, CoverageSite>()

  /** Starts a session on (new) data: builds the grid and the candidates; no hypothetical sites. */
  init(input: EngineInput): PlannerSnapshot {
    const started = performance.now()
    const grid = createCoverageGrid({ zones: input.zones, boundary: input.boundary })
    const candidates = buildCandidates({ communities: input.communities, boundary: input.boundary })
    this.hypothetical = new Map()
    this.session = { input, grid, candidates, settings: input.settings, state: this.build(input, grid, input.settings) }
    return this.snapshot(started)
  }

  /** A new radius, basis or threshold: rebuilds the state, keeping the hypothetical sites. */
  setSettings(settings: PlannerSettings): PlannerSnapshot {
    const started = performance.now()
    const session = this.current()
    session.settings = settings
    session.state = this.build(session.input, session.grid, settings)
    return this.snapshot(started)
  }

  /** New under-3 counts (another demand basis): rebuilds the state; grid, candidates and sites stay. */
  setCommunities(communities: CoverageCommunity[]): PlannerSnapshot {
    const started = performance.now()
    const session = this.current()
    session.input = { ...session.input, communities }
    session.state = this.build(session.input, session.grid, session.settings)
    return this.snapshot(started)
  }

  /** Replaces the hypothetical set, applying only the differences to the running totals. */
  setSites(sites: CoverageSite[]): PlannerSnapshot {
    const started = performance.now()
    const { state } = this.current()
    const next = new Map(sites.map((site) => [site.id, { ...site, hypothetical: true }]))
    for (const id of this.hypothetical.keys()) if (!next.has(id)) state.removeSite(id)
    for (const [id, site] of next) {
      const before = this.hypothetical.get(id)
      if (!before) state.addSite(site)
      else if (changed(before, site)) state.updateSite(id, site)
    }
    this.hypothetical = next
    return this.snapshot(started)
  }

  /** Moves one hypothetical site (a drag frame). */
  moveSite(id: string, lng: number, lat: number): PlannerSnapshot {
    const started = performance.now()
    const site = this.hypothetical.get(id)
    if (!site) throw new Error(`no hypothetical site ${id}`)
    this.hypothetical.set(id, { ...site, lng, lat })
    this.current().state.moveSite(id, lng, lat)
    return this.snapshot(started)
  }

  /** The best `count` new sites of `capacity` places among the candidates (changes nothing). */
  suggest(count: number, capacity: number): SuggestedSite[] {
    const { state, candidates } = this.current()
    return suggestSites(state, candidates, { count, capacity })
  }

  private build(input: EngineInput, grid: Session['grid'], settings: PlannerSettings): CoverageState {
    return createCoverageState({
      sites: [...input.sites, ...this.hypothetical.values()], communities: input.communities, grid,
      radiusMeters: settings.radiusMeters, basis: settings.basis,
      desertMinUnder3: settings.desertMinUnder3, desertMaxScore: settings.desertMaxScore,
    })
  }

  private current(): Session {
    if (!this.session) throw new Error('engine not initialised')
    return this.session
  }

  private snapshot(started: number): PlannerSnapshot {
    const { state } = this.current()
    const accessibility = state.accessibility()
    return {
      metrics: state.metrics(),
      uncovered: state.uncoveredCommunities(),
      scores: accessibility.map((entry) => entry.score),
      deserts: accessibility.map((entry) => entry.desert),
      coverage: coverageGridPolygons(state.grid, state.cellCounts(), { blockCells: DISPLAY_BLOCK_CELLS }),
      engineMs: performance.now() - started,
    }
  }
}
