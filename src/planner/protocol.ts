import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson'
import type {
  CoverageBasis, CoverageCommunity, CoverageMetrics, CoverageSite, SuggestedSite, UncoveredCommunity,
} from '../lib/coverage'
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

/** The engine's answer after every change: plain data, posted from the worker. */
export interface PlannerSnapshot {
  metrics: CoverageMetrics
  uncovered: UncoveredCommunity[]
  /** E2SFCA score per community, in the order of the input communities. */
  scores: number[]
  deserts: boolean[]
  coverage: Feature<MultiPolygon>
  /** Milliseconds the worker spent on the change, this snapshot and its display polygon included. */
  engineMs: number
}

export type EngineRequest =
  | { kind: 'init'; input: EngineInput }
  | { kind: 'settings'; settings: PlannerSettings }
  | { kind: 'sites'; sites: CoverageSite[] }
  | { kind: 'move'; id: string; lng: number; lat: number }
  | { kind: 'suggest'; count: number; capacity: number }

export type EngineResponse =
  | { kind: 'snapshot'; snapshot: PlannerSnapshot }
  | { kind: 'suggestions'; suggestions: SuggestedSite[] }
  | { kind: 'error'; message: string }

/** A request with its sequence number, so answers find their promise. */
export interface EngineEnvelope { seq: number; request: EngineRequest }
export interface EngineReply { seq: number; response: EngineResponse }
