// Public surface of the coverage engine (re-exports only).
export * from './types'
export { haversineMeters } from './haversine-meters'
export { gaussianDecay } from './gaussian-decay'
export { matchesBasis } from './matches-basis'
export { createPointIndex, type PointIndex } from './point-index'
export { createCoverageGrid, type CoverageGridOptions } from './create-coverage-grid'
export type { CoverageGrid } from './coverage-grid'
export { createCoverageState, type CoverageState, type CoverageStateOptions } from './create-coverage-state'
export { computeAccessibility, type AccessibilityOptions } from './compute-accessibility'
export { suggestSites, type SuggestedSite, type SuggestOptions } from './suggest-sites'
export { buildCandidates, type CandidateOptions } from './build-candidates'
export { coverageCircles } from './coverage-circles'
export { coverageGridPolygons, type GridPolygonOptions } from './coverage-grid-polygons'
export { toCoverageInputs } from './to-coverage-inputs'
export {
  computeCoverageSummary, type CoverageSummary, type CoverageSummaryBasis, type CoverageSummaryEntry,
  type CoverageSummaryInput,
} from './compute-coverage-summary'
export { COVERAGE_LIMITS, coverageLimitError, type CoverageSize } from './coverage-limit-error'
