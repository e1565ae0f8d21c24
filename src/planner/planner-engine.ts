import {
  buildCandidates, coverageGridPolygons, createCoverageGrid, createCoverageState, suggestSites,
  type CoverageSite, type CoverageState,
} from '../lib/coverage'
import type { EngineInput, EngineRequest, EngineResponse, PlannerSettings, PlannerSnapshot } from './protocol'

/** Display blocks of 4 × 25 m cells: 100 m steps on the map, cheap enough to redraw on every drag frame. */
const DISPLAY_BLOCK_CELLS = 4

/**
 * The planner's session around the shared coverage engine (src/lib/coverage): the registered sites plus
 * the planner's hypothetical ones. Runs in the worker (coverage.worker.ts), or in the page where there is none.
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

  /** Replaces the hypothetical set, applying only the differences to the running totals. */
  function setSites(next: CoverageSite[]) {
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

  /** Handles one request; every change answers with a fresh snapshot. */
  function handle(request: EngineRequest): EngineResponse {
    const started = performance.now()
    switch (request.kind) {
      case 'init':
        input = request.input
        settings = request.input.settings
        grid = createCoverageGrid({ zones: input.zones, boundary: input.boundary })
        candidates = buildCandidates({ communities: input.communities, boundary: input.boundary })
        hypothetical = new Map()
        rebuild()
        break
      case 'settings':
        settings = request.settings
        rebuild()
        break
      case 'sites':
        setSites(request.sites)
        break
      case 'move': {
        const site = hypothetical.get(request.id)
        if (!site) throw new Error(`no hypothetical site ${request.id}`)
        hypothetical.set(request.id, { ...site, lng: request.lng, lat: request.lat })
        current().moveSite(request.id, request.lng, request.lat)
        break
      }
      case 'suggest':
        return { kind: 'suggestions', suggestions: suggestSites(current(), candidates, { count: request.count, capacity: request.capacity }) }
    }
    return { kind: 'snapshot', snapshot: snapshot(started) }
  }

  return { handle }
}
