import type { InstitutionType } from '../types'

/** Mean Earth radius in metres (the value Turf uses), shared by haversine and the projection. */
export const EARTH_RADIUS_METERS = 6371008.8
/** Default walking radius: GB 50180-2018 puts the 15-minute life circle at 800–1,000 m on foot. */
export const DEFAULT_RADIUS_METERS = 1000
export const MIN_RADIUS_METERS = 300
export const MAX_RADIUS_METERS = 3000
/** Default edge of a count-grid cell. */
export const DEFAULT_CELL_SIZE_METERS = 25
/** A 托育荒漠 needs at least this many children under 3 … */
export const DEFAULT_DESERT_MIN_UNDER3 = 30
/** … and fewer accessible 托位 per 1,000 under-3 than this (half of the plan's 240). */
export const DEFAULT_DESERT_MAX_SCORE = 120

/** A supply point: a registered institution or a planner's hypothetical site. Coordinates WGS84. */
export interface CoverageSite {
  id: string
  lng: number
  lat: number
  capacity: number
  puhui: boolean
  type: InstitutionType
  hypothetical?: boolean
}

/** A demand point: one community (村/社区) with its children under 3. */
export interface CoverageCommunity {
  id: string
  name?: string
  lng: number
  lat: number
  under3: number
  /** Id of the zone it lies in (one of the grid's zone ids; any other id counts for the city only). */
  area: string
}

/** Which sites count: all, 普惠 only, or the chosen institution types. */
export type CoverageBasis = 'all' | 'puhui' | readonly InstitutionType[]

/** Coverage figures for the city or one zone. */
export interface AreaCoverage {
  under3: number
  coveredUnder3: number
  /** coveredUnder3 / under3 (0 when under3 is 0). */
  coveredShare: number
  /** Share of the polygon's area within the radius of a site (count grid). */
  areaShare: number
  communities: number
  uncoveredCommunities: number
}

export interface CoverageMetrics {
  radiusMeters: number
  city: AreaCoverage
  /** Per zone, keyed by the zone ids of the input, in their order. */
  areas: Record<string, AreaCoverage>
}

/** One community no site of the basis reaches. */
export interface UncoveredCommunity {
  id: string
  name: string
  area: string
  under3: number
  /** Great-circle distance to the nearest site of the basis; null when there is no site at all. */
  nearestSiteMeters: number | null
}

/** E2SFCA result of one community. */
export interface CommunityAccessibility {
  id: string
  /** Accessible 托位 per 1,000 children under 3. */
  score: number
  desert: boolean
}
