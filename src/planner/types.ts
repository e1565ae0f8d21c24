import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson'
import type { CoverageBasis, CoverageCommunity, CoverageMetrics, CoverageSite, UncoveredCommunity } from '../lib/coverage'
import type { AreaId } from '../lib/types'

/** What the planner chooses; a change rebuilds the coverage state. */
export interface PlannerSettings {
  radiusMeters: number
  basis: CoverageBasis
  desertMinUnder3: number
  desertMaxScore: number
}

export interface EngineInput {
  sites: CoverageSite[]
  communities: CoverageCommunity[]
  zones: FeatureCollection<Geometry | null, { id: AreaId }>
  boundary: FeatureCollection
  settings: PlannerSettings
}

/** The engine's answer after every change: plain data, structured-cloned out of the worker. */
export interface PlannerSnapshot {
  metrics: CoverageMetrics
  uncovered: UncoveredCommunity[]
  /** E2SFCA score per community, in the order of the input communities. */
  scores: number[]
  deserts: boolean[]
  coverage: Feature<MultiPolygon>
  /** Milliseconds the engine spent on the change, this snapshot and its display polygon included. */
  engineMs: number
}
