import type { FeatureCollection, Geometry, Point } from 'geojson'
import type { CommunityProperties, InstitutionProperties } from '../types'
import { createCoverageGrid } from './create-coverage-grid'
import { createCoverageState } from './create-coverage-state'
import type { PolygonSource } from './polygon-rings'
import { toCoverageInputs } from './to-coverage-inputs'
import { DEFAULT_CELL_SIZE_METERS, DEFAULT_RADIUS_METERS, type AreaCoverage, type CoverageBasis } from './types'

/** One row of coverage.json: the city or one zone under one basis. */
export interface CoverageSummaryEntry {
  under3: number
  coveredUnder3: number
  coveredShare: number
  areaShare: number
  uncoveredCommunityIds: string[]
}

export interface CoverageSummaryBasis {
  city: CoverageSummaryEntry
  /** Per zone, keyed by the input zones' ids, in their order. */
  areas: Record<string, CoverageSummaryEntry>
}

/** Shape of public/data/coverage.json. */
export interface CoverageSummary {
  radiusMeters: number
  cellSizeMeters: number
  all: CoverageSummaryBasis
  puhui: CoverageSummaryBasis
}

export interface CoverageSummaryInput {
  institutions: FeatureCollection<Point, InstitutionProperties>
  communities: FeatureCollection<Point, CommunityProperties>
  zones: FeatureCollection<Geometry | null, { id: string }>
  boundary?: PolygonSource
  radiusMeters?: number
  cellSizeMeters?: number
}

const round = (value: number) => Math.round(value * 1e6) / 1e6

/**
 * The build script's coverage.json: per area and city, under3, coveredUnder3, coveredShare, areaShare and
 * the uncovered community ids, for basis all sites and 普惠 only, at the default radius.
 *
 * @example
 * const summary = computeCoverageSummary({ institutions, communities, zones, boundary })
 * summary.puhui.areas.leyu.coveredShare // 0.734
 */
export function computeCoverageSummary(input: CoverageSummaryInput): CoverageSummary {
  const radiusMeters = input.radiusMeters ?? DEFAULT_RADIUS_METERS
  const cellSizeMeters = input.cellSizeMeters ?? DEFAULT_CELL_SIZE_METERS
  const grid = createCoverageGrid({ zones: input.zones, boundary: input.boundary, cellSizeMeters })
  const { sites, communities } = toCoverageInputs(input.institutions, input.communities)
  const summarise = (basis: CoverageBasis): CoverageSummaryBasis => {
    const state = createCoverageState({ sites, communities, grid, radiusMeters, basis })
    const metrics = state.metrics()
    const uncovered = state.uncoveredCommunities()
    const entry = (coverage: AreaCoverage, area?: string): CoverageSummaryEntry => ({
      under3: coverage.under3,
      coveredUnder3: coverage.coveredUnder3,
      coveredShare: round(coverage.coveredShare),
      areaShare: round(coverage.areaShare),
      uncoveredCommunityIds: uncovered.filter((community) => !area || community.area === area)
        .map((community) => community.id).sort(),
    })
    const areas = Object.fromEntries(grid.areaIds.map((area) => [area, entry(metrics.areas[area], area)]))
    return { city: entry(metrics.city), areas }
  }
  return { radiusMeters, cellSizeMeters, all: summarise('all'), puhui: summarise('puhui') }
}
