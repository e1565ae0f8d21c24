import {
  buildCandidates, coverageGridPolygons, createCoverageGrid, createCoverageState, suggestSites,
  type CoverageSite, type CoverageState, type SuggestedSite,
} from '../lib/coverage'
import type { EngineInput, PlannerSettings, PlannerSnapshot } from './types'

/** Display blocks of 4 × 25 m cells: 100 m steps on the map, cheap enough to redraw on every drag frame. */
const DISPLAY_BLOCK_CELLS = 4

/** The planner's engine: what the worker exposes (coverage.worker.ts) and what the page calls through Comlink. */
export type PlannerEngine = ReturnType<typeof createPlannerEngine>

/**
 * The planner's session around the shared coverage engine (src/lib/coverage): the registered sites plus
 * the planner's hypothetical ones. Runs in the worker (coverage.worker.ts), or in the page where there is none.
 * Every change answers with a fresh snapshot; plain data in and out, so it crosses postMessage as it is.
 */
export function createPlannerEngine() {
  let input: EngineInput | null = null
  let grid: ReturnType<typeof createCoverageGrid> | null = null
  let candidates: { lng: number; lat: number }[] = []
  let settings: PlannerSettings | null = null
  let state: CoverageState | null = null
  let hypothetical = new Map<string, CoverageSite>()

  function rebuild() {
    if (!input || !grid || !settings) throw new Error('engine not initialised')
    state = createCoverageState({
      sites: [...input.sites, ...hypothetical.values()], communities: input.communities, grid,
      radiusMeters: settings.radiusMeters, basis: settings.basis,
      desertMinUnder3: settings.desertMinUnder3, desertMaxScore: settings.desertMaxScore,
    })
  }

  function current(): CoverageState {
    if (!state) throw new Error('engine not initialised')
    return state
  }

  function snapshot(started: number): PlannerSnapshot {
    const live = current()
    const accessibility = live.accessibility()
    const result = {
      metrics: live.metrics(),
      uncovered: live.uncoveredCommunities(),
      scores: accessibility.map((entry) => entry.score),
      deserts: accessibility.map((entry) => entry.desert),
      coverage: coverageGridPolygons(live.grid, live.cellCounts(), { blockCells: DISPLAY_BLOCK_CELLS }),
    }
    return { ...result, engineMs: performance.now() - started }
  }

  return {
    /** Starts a session on (new) data: builds the grid and the candidates; no hypothetical sites. */
    init(next: EngineInput): PlannerSnapshot {
      const started = performance.now()
      input = next
      settings = next.settings
      grid = createCoverageGrid({ zones: next.zones, boundary: next.boundary })
      candidates = buildCandidates({ communities: next.communities, boundary: next.boundary })
      hypothetical = new Map()
      rebuild()
      return snapshot(started)
    },
    /** A new radius, basis or threshold: rebuilds the state, keeping the hypothetical sites. */
    setSettings(next: PlannerSettings): PlannerSnapshot {
      const started = performance.now()
      settings = next
      rebuild()
      return snapshot(started)
    },
    /** Replaces the hypothetical set, applying only the differences to the running totals. */
    setSites(next: CoverageSite[]): PlannerSnapshot {
      const started = performance.now()
      const live = current()
      const nextById = new Map(next.map((site) => [site.id, { ...site, hypothetical: true }]))
      for (const id of hypothetical.keys()) if (!nextById.has(id)) live.removeSite(id)
      for (const [id, site] of nextById) {
        const before = hypothetical.get(id)
        if (!before) live.addSite(site)
        else if (before.lng !== site.lng || before.lat !== site.lat || before.capacity !== site.capacity
          || before.puhui !== site.puhui || before.type !== site.type) live.updateSite(id, site)
      }
      hypothetical = nextById
      return snapshot(started)
    },
    /** Moves one hypothetical site (a drag frame). */
    moveSite(id: string, lng: number, lat: number): PlannerSnapshot {
      const started = performance.now()
      const site = hypothetical.get(id)
      if (!site) throw new Error(`no hypothetical site ${id}`)
      hypothetical.set(id, { ...site, lng, lat })
      current().moveSite(id, lng, lat)
      return snapshot(started)
    },
    /** The best `count` new sites of `capacity` places among the candidates (changes nothing). */
    suggest(count: number, capacity: number): SuggestedSite[] {
      return suggestSites(current(), candidates, { count, capacity })
    },
  }
}
