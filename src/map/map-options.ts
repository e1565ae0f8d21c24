// What a MapController is built with: the container, the data it starts with, the texts and the callbacks.
import type { LngLatBoundsLike } from 'maplibre-gl'
import type { FeatureCollection, Point } from 'geojson'
import type { InstitutionProperties } from '../lib/types'
import type { InstitutionFilterState } from './institution-sources'

export interface MapCamera { center: [number, number]; zoom: number }

/** Everything the map draws at start: it goes into the initial style, so the map loads one style and draws once. */
export interface MapInitialData {
  boundary: FeatureCollection
  zones: FeatureCollection
  institutions: FeatureCollection<Point, InstitutionProperties>
  /** The Yangtze (water.geojson): drawn under the land once loaded. */
  water?: FeatureCollection | null
  /** Community names: added once the map is near the zoom they show at (see COMMUNITY_ZOOM). */
  communities?: FeatureCollection | null
  filter: InstitutionFilterState
  selectedId?: string | null
  place?: { lng: number; lat: number } | null
  radiusMeters?: number
}

export interface MapControllerOptions {
  container: HTMLElement
  data: MapInitialData
  bounds: LngLatBoundsLike
  /** Start here instead of the bounds (deep link). */
  camera?: MapCamera | null
  /** Which zone name to draw. */
  language: 'zh' | 'en'
  /** Texts drawn on the map and MapLibre's control labels, already translated. */
  texts: { approximate: string; puhuiMark: string; controls: Record<string, string> }
  baseUrl: string
  tiandituToken?: string
  tiandituAttribution?: string
  onMoveEnd?: (camera: MapCamera) => void
  onSelect?: (id: string) => void
  onPlacePicked?: (lngLat: { lng: number; lat: number }) => void
  /** The browser dropped the WebGL context: the owner disposes this controller and builds a new one. */
  onContextLost?: () => void
}
