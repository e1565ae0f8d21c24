import {
  AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl,
  type ExpressionSpecification, type FilterSpecification, type GeoJSONSource, type GeoJSONSourceSpecification,
  type LayerSpecification, type LngLatBoundsLike, type MapGeoJSONFeature, type MapMouseEvent,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { circle } from '@turf/circle'
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { InstitutionFilters } from '../lib/filter-institutions'
import type { InstitutionProperties } from '../lib/types'
import { createBaseStyle, FONT, LAND_COLOR, LOCAL_IDEOGRAPH_FONTS, TYPE_COLORS } from './base-style'
import { institutionFilterExpression, toRenderCollection, type RenderCollection, type RenderProperties } from './filter-expression'

setWorkerUrl(workerUrl)

export interface MapCamera { center: [number, number]; zoom: number }

/** Everything the map draws at start: it goes into the initial style, so the map loads one style and draws once. */
export interface MapInitialData {
  boundary: FeatureCollection
  zones: FeatureCollection
  institutions: FeatureCollection<Point, InstitutionProperties>
  /** Community names: added once the map is near the zoom they show at (see COMMUNITY_ZOOM). */
  communities?: FeatureCollection | null
  filter: { filters: InstitutionFilters; searchIds: ReadonlySet<string> | null; matchingIds: Iterable<string> }
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
  onIdle?: () => void
  onMoveEnd?: (camera: MapCamera) => void
  onSelect?: (id: string) => void
  onPlacePicked?: (lngLat: { lng: number; lat: number }) => void
  /** The browser dropped the WebGL context: the owner disposes this controller and builds a new one. */
  onContextLost?: () => void
}

/** Above this zoom every institution is drawn on its own, filtered by an expression; below, clusters. */
export const CLUSTER_ZOOM = 12
/** Community dots and names show from this zoom; their source is added a zoom level before. */
const COMMUNITY_ZOOM = 13

/** The boundary and the planning areas share one source (one load in the worker, one set of tiles): see basemapData(). */
const SOURCE = { institutions: 'institutions', clusters: 'institution-clusters', basemap: 'basemap', communities: 'communities', place: 'place' } as const
/** The property telling the basemap source's boundary features from its planning areas. */
const KIND = 'basemapKind'
const isKind = (kind: 'boundary' | 'zone') => ['==', ['get', KIND], kind] as FilterSpecification
/** Layers whose features are institutions (for counting and clicking). */
const POINT_LAYERS = ['institutions-point', 'cluster-singles']
const CLUSTER_LAYER = 'clusters'
const PUHUI = ['==', ['get', 'puhui'], true] as ExpressionSpecification
/** Layers filtered by the parents' filters, with the fixed condition each keeps. */
const FILTERED_LAYERS: Record<string, ExpressionSpecification | null> = {
  'institutions-point': null, 'institutions-puhui-mark': PUHUI, 'institutions-name': null,
}
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }
const geojson = (data: GeoJSONSourceSpecification['data']): GeoJSONSourceSpecification => ({ type: 'geojson', data })
const symbolText = { 'text-font': FONT, 'text-allow-overlap': false }
const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
const COMMUNITY_LAYERS: LayerSpecification[] = [
  { id: 'communities-dot', type: 'circle', source: SOURCE.communities, minzoom: COMMUNITY_ZOOM, paint: { 'circle-radius': 2.5, 'circle-color': '#94a3b8' } },
  {
    id: 'communities-label', type: 'symbol', source: SOURCE.communities, minzoom: COMMUNITY_ZOOM,
    layout: { ...symbolText, 'text-field': ['get', 'name'], 'text-size': 11, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-optional': true },
    paint: { 'text-color': '#64748b', ...halo },
  },
]
const PLACE_AREA_LAYERS: LayerSpecification[] = [
  { id: 'place-area', type: 'fill', source: SOURCE.place, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#0ea5e9', 'fill-opacity': 0.12 } },
  { id: 'place-outline', type: 'line', source: SOURCE.place, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': '#0369a1', 'line-width': 2 } },
]
const PLACE_MARKER_LAYER: LayerSpecification = {
  id: 'place-marker', type: 'circle', source: SOURCE.place, filter: ['==', ['geometry-type'], 'Point'],
  paint: { 'circle-radius': 7, 'circle-color': '#0369a1', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
}

/** The boundary and the planning areas in one collection, each feature tagged with its kind (inputs are copied). */
function basemapData(boundary: FeatureCollection, zones: FeatureCollection): FeatureCollection {
  const tag = (kind: 'boundary' | 'zone') => (feature: Feature) => ({ ...feature, properties: { ...feature.properties, [KIND]: kind } })
  return { type: 'FeatureCollection', features: [...boundary.features.map(tag('boundary')), ...zones.features.map(tag('zone'))] }
}

/** The 15-minute circle and the place marker. */
function placeData(place: { lng: number; lat: number }, radiusMeters: number): FeatureCollection {
  return { type: 'FeatureCollection', features: [
    circle([place.lng, place.lat], radiusMeters / 1000, { steps: 96, units: 'kilometers' }),
    { type: 'Feature', properties: { marker: true }, geometry: { type: 'Point', coordinates: [place.lng, place.lat] } },
  ] }
}

const typeColor = ['match', ['get', 'type'], ...Object.entries(TYPE_COLORS).flat(), '#000000'] as unknown as ExpressionSpecification

/** Owns the MapLibre map, its sources and layers. Plain class: Vue and Pinia never hold MapLibre objects. */
export class MapController {
  private readonly map: MapLibreMap
  private readonly options: MapControllerOptions
  /** The style has loaded: sources and layers can be changed. */
  private loaded = false
  private destroyed = false
  private readonly pending: Array<() => void> = []
  private readonly lastData = new Map<string, unknown>()
  private render: RenderCollection | null = null
  private clusterFeatures: Array<Feature<Point, Pick<RenderProperties, 'id' | 'type' | 'puhui'>>> = []
  private matching: ReadonlySet<string> | null = null
  private filterKey = ''
  private expression: FilterSpecification
  private selectedId: string | null
  private communities: FeatureCollection | null
  private communitiesAdded = false
  private institutionsAdded = false
  private boundary: FeatureCollection
  private zones: FeatureCollection
  private placeKey = ''
  private placeAdded = false
  private clustersStale = false
  private picking = false
  /** The drawn institutions may have changed (data, filter, camera) since renderedInstitutionCount() last counted. */
  private countDirty = true
  private lastCount = 0
  private selectable = true

  constructor(options: MapControllerOptions) {
    this.options = options
    const { camera, data } = options
    this.matching = new Set(data.filter.matchingIds)
    this.expression = institutionFilterExpression(data.filter.filters, data.filter.searchIds) as FilterSpecification
    this.filterKey = JSON.stringify(this.expression)
    this.selectedId = data.selectedId ?? null
    this.communities = data.communities ?? null
    this.prepareInstitutions(data.institutions)
    this.boundary = data.boundary
    this.zones = data.zones

    // One style with every source and its data: MapLibre loads it once and draws it once, instead of a frame per
    // addSource/setData after 'load' (in software WebGL every frame blocks the main thread for 100–600 ms).
    const style = createBaseStyle({ baseUrl: options.baseUrl, tiandituToken: options.tiandituToken, tiandituAttribution: options.tiandituAttribution })
    const matching = this.matching
    style.sources = {
      ...style.sources,
      [SOURCE.basemap]: geojson(basemapData(data.boundary, data.zones)),
      [SOURCE.clusters]: {
        ...geojson({ type: 'FeatureCollection', features: this.clusterFeatures.filter((feature) => matching.has(feature.properties.id)) }),
        cluster: true, clusterMaxZoom: CLUSTER_ZOOM - 1, clusterRadius: 44,
      },
    }
    // No transitions: paint properties never animate here, and a running transition draws a frame after frame.
    style.transition = { duration: 0, delay: 0 }
    style.layers.push(...this.basemapLayers(), ...this.clusterLayers())
    // The unclustered institutions draw from zoom 12 (or for a selection): at city zoom their source waits.
    if (this.selectedId || (camera && camera.zoom >= CLUSTER_ZOOM - 1)) {
      style.sources[SOURCE.institutions] = geojson(this.render as FeatureCollection)
      style.layers.push(...this.institutionLayers())
      this.institutionsAdded = true
    }
    // Sources needed only at street level, or once a place is chosen, join the initial style only when needed then.
    if (this.communities && camera && camera.zoom >= COMMUNITY_ZOOM - 1) {
      style.sources[SOURCE.communities] = geojson(this.communities)
      style.layers.splice(style.layers.findIndex((layer) => layer.id === 'zones-label'), 0, ...COMMUNITY_LAYERS)
      this.communitiesAdded = true
      this.lastData.set(SOURCE.communities, this.communities)
    }
    if (data.place) {
      const radius = data.radiusMeters ?? 0
      style.sources[SOURCE.place] = geojson(placeData(data.place, radius))
      style.layers.splice(style.layers.findIndex((layer) => layer.id === CLUSTER_LAYER), 0, ...PLACE_AREA_LAYERS)
      style.layers.push(PLACE_MARKER_LAYER)
      this.placeAdded = true
      this.placeKey = JSON.stringify([data.place.lng, data.place.lat, radius])
    }

    this.map = new MapLibreMap({
      container: options.container,
      style,
      ...(camera ? { center: camera.center, zoom: camera.zoom } : { bounds: options.bounds, fitBoundsOptions: { padding: 16 } }),
      minZoom: 8,
      maxZoom: 18,
      attributionControl: false,
      locale: options.texts.controls,
      localIdeographFontFamily: LOCAL_IDEOGRAPH_FONTS,
      dragRotate: false,
      pitchWithRotate: false,
      // Labels appear at once: a fade repaints every frame for 300 ms, and each frame costs a full commit.
      fadeDuration: 0,
      // The style is ours and built in code (tests/unit/map-*.test.ts check it); validating its inline data costs time.
      validateStyle: import.meta.env.DEV,
    })
    // The canvas shows once the map is first idle: its complete picture, drawn and placed (no water-only or
    // half-drawn frames in between), composited once.
    // Transparent, not hidden: taps during loading still reach the map. The browser composites nothing transparent,
    // so MapLibre's loading frames skip the canvas copy that makes each frame cost 100–600 ms in software WebGL.
    const canvas = this.map.getCanvas()
    canvas.style.opacity = '0'
    const reveal = () => { canvas.style.opacity = '' }
    this.map.once('idle', reveal)
    this.map.once('error', reveal)
    this.map.touchZoomRotate.disableRotation()
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right')
    if (options.tiandituToken) this.map.addControl(new AttributionControl({ compact: true }), 'bottom-right')
    // Changes asked for before the style is loaded join it before its first frame.
    this.map.once('style.load', () => {
      this.loaded = true
      for (const apply of this.pending.splice(0)) apply()
    })
    this.map.on('idle', this.handleIdle)
    this.map.on('moveend', this.handleMoveEnd)
    this.map.on('zoom', this.handleZoom)
    this.map.on('click', this.handleClick)
    this.map.on('mousemove', this.handleHover)
    this.map.on('webglcontextlost', this.handleContextLost)
    // A failed glyph or tile must never reach the user as an exception.
    this.map.on('error', (event) => console.warn('map:', event.error?.message ?? event))
  }

  setBoundary(data: FeatureCollection) { this.setBasemap(data, this.zones) }
  setZones(data: FeatureCollection) { this.setBasemap(this.boundary, data) }
  /** Kept until the map nears the zoom community names show at; only then does the map load them. */
  setCommunities(data: FeatureCollection) {
    this.communities = data
    this.whenLoaded(() => (this.communitiesAdded ? this.setSourceData(SOURCE.communities, data) : this.addCommunitiesWhenNear()))
  }

  /** Loads the institutions once per dataset (a new object); filtering never calls this again. */
  setInstitutions(data: FeatureCollection<Point, InstitutionProperties>) {
    this.whenLoaded(() => {
      if (this.lastData.get(SOURCE.institutions) === data) return
      this.prepareInstitutions(data)
      this.countDirty = true
      if (this.institutionsAdded) void this.map.getSource<GeoJSONSource>(SOURCE.institutions)?.setData(this.render as FeatureCollection)
      this.pushClusters()
    })
  }

  /**
   * Applies the filters: a filter expression on the unclustered layers (evaluated in the worker, no new data), and,
   * because MapLibre clusters before any layer filter, the matching subset for the cluster source. That subset is
   * only sent while clusters are on screen (see src/map/README.md). Nothing changes when nothing did.
   */
  setFilter(filters: InstitutionFilters, searchIds: ReadonlySet<string> | null, matchingIds: Iterable<string>) {
    const matching = new Set(matchingIds)
    const expression = institutionFilterExpression(filters, searchIds) as FilterSpecification
    const key = JSON.stringify(expression)
    const previous = this.matching
    const sameMatching = previous !== null && previous.size === matching.size && [...matching].every((id) => previous.has(id))
    if (key === this.filterKey && sameMatching) return
    this.matching = matching
    this.filterKey = key
    this.expression = expression
    this.whenLoaded(() => {
      const started = performance.now()
      this.countDirty = true
      if (this.institutionsAdded) for (const layer of Object.keys(FILTERED_LAYERS)) this.map.setFilter(layer, this.layerFilter(layer))
      if (this.map.getZoom() < CLUSTER_ZOOM + 1) this.pushClusters()
      else this.clustersStale = true
      // Read by scripts/bench-map.ts: the main-thread cost of one filter change on the map side.
      performance.measure('map:setFilter', { start: started })
    })
  }

  setSelected(id: string | null) {
    if (id === this.selectedId) return
    this.selectedId = id
    this.whenLoaded(() => {
      if (!this.institutionsAdded) {
        if (id) this.addInstitutions()
        return
      }
      this.map.setFilter('institutions-selected', ['==', ['get', 'id'], id ?? ''])
      this.map.setLayoutProperty('institutions-selected', 'visibility', id ? 'visible' : 'none')
    })
  }

  /** Brings a point into view when it lies outside the visible area. */
  reveal(coordinates: [number, number]) {
    this.whenLoaded(() => {
      if (!this.map.getBounds().contains(coordinates)) this.map.easeTo({ center: coordinates, zoom: Math.max(this.map.getZoom(), 14) })
    })
  }

  /** Centers the map on a point at street level (a deep link naming one institution). */
  focus(coordinates: [number, number]) {
    this.whenLoaded(() => this.map.jumpTo({ center: coordinates, zoom: Math.max(this.map.getZoom(), 14) }))
  }

  /** The 15-minute circle and the place marker; null removes both. Its source is added with the first place. */
  setPlace(place: { lng: number; lat: number } | null, radiusMeters: number) {
    const key = place ? JSON.stringify([place.lng, place.lat, radiusMeters]) : ''
    if (key === this.placeKey) return
    this.placeKey = key
    this.whenLoaded(() => {
      const data = place ? placeData(place, radiusMeters) : EMPTY
      if (this.placeAdded) {
        void this.map.getSource<GeoJSONSource>(SOURCE.place)?.setData(data)
        return
      }
      this.placeAdded = true
      this.map.addSource(SOURCE.place, geojson(data))
      for (const layer of PLACE_AREA_LAYERS) this.map.addLayer(layer, CLUSTER_LAYER)
      // Under the planner's hypothetical sites (when they exist), above everything else.
      this.map.addLayer(PLACE_MARKER_LAYER, this.map.getLayer('planner-sites-point') ? 'planner-sites-point' : undefined)
    })
  }

  /** While true, a tap sets the place instead of selecting. */
  /** Off while the planner places hypothetical sites: a tap then places a site rather than opening a sheet. */
  setSelectable(selectable: boolean) {
    this.selectable = selectable
  }

  setPicking(picking: boolean) {
    this.picking = picking
    this.map.getCanvas().style.cursor = picking ? 'crosshair' : ''
  }

  jumpTo(camera: MapCamera) {
    const center = this.map.getCenter()
    if (Math.abs(center.lng - camera.center[0]) < 1e-5 && Math.abs(center.lat - camera.center[1]) < 1e-5
      && Math.abs(this.map.getZoom() - camera.zoom) < 0.01) return
    this.map.jumpTo({ center: camera.center, zoom: camera.zoom })
  }

  fitBounds(bounds: LngLatBoundsLike) { this.map.fitBounds(bounds, { padding: 16, animate: false }) }

  /**
   * Institution features drawn in the current view: each cluster counts its points, each single point one.
   * Counted again only after the data, a filter or the camera changed (a full query costs ~50 ms at 10k features).
   */
  renderedInstitutionCount(): number {
    if (!this.loaded) return 0
    if (!this.countDirty) return this.lastCount
    this.countDirty = false
    const features = this.map.queryRenderedFeatures({ layers: this.institutionLayerIds() })
    const clusters = new Map<number, number>()
    const points = new Set<string>()
    for (const feature of features) {
      if (feature.properties.cluster) clusters.set(feature.properties.cluster_id as number, feature.properties.point_count as number)
      else points.add(feature.properties.id as string)
    }
    let total = points.size
    for (const count of clusters.values()) total += count
    this.lastCount = total
    return total
  }

  /** [west, south, east, north] of the visible area. */
  visibleBounds(): [number, number, number, number] {
    const bounds = this.map.getBounds()
    return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
  }

  /** Hands the map, once its style is loaded, to a layer module (the planner's src/map/planner-layers.ts). */
  withMap(apply: (map: MapLibreMap) => void) { this.whenLoaded(() => apply(this.map)) }

  /** The canvas, for tests and for focusing. */
  get canvas(): HTMLCanvasElement { return this.map.getCanvas() }

  /** Unhooks every handler, then removes the map (vue-maplibre-gl's dispose). */
  destroy() {
    if (this.destroyed) return
    this.destroyed = true
    this.pending.length = 0
    this.map.off('idle', this.handleIdle)
    this.map.off('moveend', this.handleMoveEnd)
    this.map.off('zoom', this.handleZoom)
    this.map.off('click', this.handleClick)
    this.map.off('mousemove', this.handleHover)
    this.map.off('webglcontextlost', this.handleContextLost)
    this.map.remove()
  }

  private readonly handleIdle = () => { if (!this.destroyed) this.options.onIdle?.() }
  private readonly handleMoveEnd = () => {
    this.countDirty = true
    const center = this.map.getCenter()
    this.options.onMoveEnd?.({ center: [center.lng, center.lat], zoom: this.map.getZoom() })
  }
  private readonly handleZoom = () => {
    if (this.clustersStale && this.map.getZoom() < CLUSTER_ZOOM + 1) this.pushClusters()
    this.addCommunitiesWhenNear()
    if (!this.institutionsAdded && this.map.getZoom() >= CLUSTER_ZOOM - 1) this.addInstitutions()
  }
  private readonly handleContextLost = () => { if (!this.destroyed) this.options.onContextLost?.() }

  private readonly handleHover = (event: MapMouseEvent) => {
    if (this.picking || !this.loaded) return
    const hit = this.map.queryRenderedFeatures(event.point, { layers: this.institutionLayerIds() }).length > 0
    this.map.getCanvas().style.cursor = hit ? 'pointer' : ''
  }

  private readonly handleClick = (event: MapMouseEvent) => {
    if (this.picking) {
      this.options.onPlacePicked?.({ lng: event.lngLat.lng, lat: event.lngLat.lat })
      return
    }
    if (!this.loaded || !this.selectable) return
    // A finger is wider than a point: look a few pixels around the tap.
    const { x, y } = event.point
    const features = this.map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]], { layers: this.institutionLayerIds() })
    const feature: MapGeoJSONFeature | undefined = features.find((candidate) => !candidate.properties.cluster) ?? features[0]
    if (!feature) return
    if (feature.properties.cluster) {
      const source = this.map.getSource<GeoJSONSource>(SOURCE.clusters)
      void source?.getClusterExpansionZoom(feature.properties.cluster_id as number).then((zoom) => {
        if (this.destroyed) return
        this.map.easeTo({ center: (feature.geometry as Point).coordinates as [number, number], zoom: Math.min(zoom, CLUSTER_ZOOM) + 0.5 })
      }).catch(() => undefined)
      return
    }
    this.options.onSelect?.(feature.properties.id as string)
  }

  private whenLoaded(apply: () => void) {
    if (this.destroyed) return
    if (this.loaded) apply()
    else this.pending.push(apply)
  }

  /** The render collection and the cluster source's slim features of one dataset. */
  private prepareInstitutions(data: FeatureCollection<Point, InstitutionProperties>) {
    this.lastData.set(SOURCE.institutions, data)
    this.render = toRenderCollection(data)
    this.clusterFeatures = this.render.features.map((feature) => ({
      type: 'Feature', geometry: feature.geometry,
      properties: { id: feature.properties.id, type: feature.properties.type, puhui: feature.properties.puhui },
    }))
  }

  /** The layers whose features are institutions, those that exist (a query naming a missing layer finds nothing). */
  private institutionLayerIds(): string[] {
    return this.institutionsAdded ? [CLUSTER_LAYER, ...POINT_LAYERS] : [CLUSTER_LAYER, 'cluster-singles']
  }

  /** The unclustered institutions' source and layers, with the current filter and selection. */
  private addInstitutions() {
    if (this.institutionsAdded || !this.render) return
    this.institutionsAdded = true
    this.countDirty = true
    this.map.addSource(SOURCE.institutions, geojson(this.render as FeatureCollection))
    const before = ['place-marker', 'planner-sites-point'].find((id) => this.map.getLayer(id))
    for (const layer of this.institutionLayers()) this.map.addLayer(layer, before)
  }

  /** One source for the boundary and the planning areas: new data for either sends the merged collection. */
  private setBasemap(boundary: FeatureCollection, zones: FeatureCollection) {
    if (boundary === this.boundary && zones === this.zones) return
    this.boundary = boundary
    this.zones = zones
    this.whenLoaded(() => {
      this.countDirty = true
      void this.map.getSource<GeoJSONSource>(SOURCE.basemap)?.setData(basemapData(this.boundary, this.zones))
    })
  }

  /** Community dots and names, added once the map comes within a zoom level of showing them. */
  private addCommunitiesWhenNear() {
    if (this.communitiesAdded || !this.communities || !this.loaded || this.map.getZoom() < COMMUNITY_ZOOM - 1) return
    this.communitiesAdded = true
    this.lastData.set(SOURCE.communities, this.communities)
    this.map.addSource(SOURCE.communities, geojson(this.communities))
    for (const layer of COMMUNITY_LAYERS) this.map.addLayer(layer, 'zones-label')
  }

  private pushClusters() {
    if (!this.render) return
    this.countDirty = true
    const matching = this.matching
    const subset = matching ? this.clusterFeatures.filter((feature) => matching.has(feature.properties.id)) : this.clusterFeatures
    void this.map.getSource<GeoJSONSource>(SOURCE.clusters)?.setData({ type: 'FeatureCollection', features: subset })
    this.clustersStale = false
  }

  /** Only calls setData when the data object changed (placemark's PMap habit). */
  private setSourceData(id: string, data: FeatureCollection) {
    if (this.lastData.get(id) === data) return
    this.lastData.set(id, data)
    this.countDirty = true
    void this.map.getSource<GeoJSONSource>(id)?.setData(data)
  }

  /** The filter of one of FILTERED_LAYERS: the parents' filter expression and the fixed condition the layer keeps. */
  private layerFilter(layer: string): FilterSpecification {
    const fixed = FILTERED_LAYERS[layer]
    return fixed ? ['all', fixed, this.expression] as FilterSpecification : this.expression
  }

  /** Land, planning areas and their names (community and place layers join later, see above). */
  private basemapLayers(): LayerSpecification[] {
    const { language, texts } = this.options
    const tianditu = Boolean(this.options.tiandituToken)
    const zoneName: ExpressionSpecification = ['get', language === 'en' ? 'nameEn' : 'name']
    return [
      // Land: with Tianditu its own map shows through.
      { id: 'boundary-fill', type: 'fill', source: SOURCE.basemap, filter: isKind('boundary'), paint: { 'fill-color': LAND_COLOR, 'fill-opacity': tianditu ? 0 : 1 } },
      { id: 'zones-line', type: 'line', source: SOURCE.basemap, filter: isKind('zone'), paint: { 'line-color': '#64748b', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
      { id: 'boundary-line', type: 'line', source: SOURCE.basemap, filter: isKind('boundary'), paint: { 'line-color': '#334155', 'line-width': 1.5 } },
      {
        id: 'zones-label', type: 'symbol', source: SOURCE.basemap, filter: isKind('zone'), maxzoom: 14,
        layout: {
          ...symbolText, 'text-size': 13,
          // Clusters take the middle of an area: let its name move aside rather than vanish.
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'], 'text-radial-offset': 1.6,
          'text-field': ['case', ['==', ['get', 'approximate'], true], ['concat', zoneName, '\n', texts.approximate], zoneName],
        },
        paint: { 'text-color': '#334155', ...halo },
      },
    ]
  }

  /** Low zoom: clusters and the points that did not cluster. */
  private clusterLayers(): LayerSpecification[] {
    return [
      // Low zoom: clusters and the points that did not cluster, from the cluster source.
      {
        id: CLUSTER_LAYER, type: 'circle', source: SOURCE.clusters, maxzoom: CLUSTER_ZOOM, filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#0f766e', 'circle-opacity': 0.9, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
          'circle-radius': ['step', ['get', 'point_count'], 14, 10, 17, 50, 21, 200, 26],
        },
      },
      {
        id: 'clusters-count', type: 'symbol', source: SOURCE.clusters, maxzoom: CLUSTER_ZOOM, filter: ['has', 'point_count'],
        layout: { 'text-font': FONT, 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 13, 'text-allow-overlap': true },
        paint: { 'text-color': '#ffffff' },
      },
      ...this.pointLayers('cluster-singles', SOURCE.clusters, { maxzoom: CLUSTER_ZOOM, filter: ['!', ['has', 'point_count']] }),
    ]
  }

  /** From zoom 12 every institution on its own, filtered by expression; and the selection ring. */
  private institutionLayers(): LayerSpecification[] {
    return [
      // High zoom: every institution on its own, filtered by expression.
      ...this.pointLayers('institutions-point', SOURCE.institutions, { minzoom: CLUSTER_ZOOM }),
      {
        id: 'institutions-name', type: 'symbol', source: SOURCE.institutions, minzoom: 14, filter: this.layerFilter('institutions-name'),
        layout: { ...symbolText, 'text-field': ['get', 'name'], 'text-size': 12, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true, 'text-max-width': 8 },
        paint: { 'text-color': '#1e293b', ...halo },
      },
      // Hidden while nothing is selected, so at city zoom nothing draws from the unclustered source.
      {
        id: 'institutions-selected', type: 'circle', source: SOURCE.institutions, filter: ['==', ['get', 'id'], this.selectedId ?? ''],
        layout: { visibility: this.selectedId ? 'visible' : 'none' },
        paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#dc2626', 'circle-stroke-width': 3 },
      },
    ]
  }

  /**
   * A type-coloured dot; 普惠 adds a thick dark ring and the mark 惠 inside, so it never depends on colour alone.
   * The mark layer is `<id>`-puhui-mark (for the institutions layer: institutions-puhui-mark). The institutions
   * layers carry the parents' filter expression.
   */
  private pointLayers(id: string, source: string, extra: { minzoom?: number; maxzoom?: number; filter?: FilterSpecification }): LayerSpecification[] {
    const puhui = PUHUI
    const markId = id === 'institutions-point' ? 'institutions-puhui-mark' : `${id}-puhui-mark`
    const filterOf = (layer: string, fixed?: FilterSpecification) =>
      layer in FILTERED_LAYERS ? this.layerFilter(layer) : fixed
    const pointFilter = filterOf(id, extra.filter)
    const markFilter = filterOf(markId, extra.filter ? ['all', extra.filter, puhui] as FilterSpecification : puhui)
    return [
      {
        id, type: 'circle', source, ...extra, ...(pointFilter ? { filter: pointFilter } : {}),
        paint: {
          'circle-color': typeColor,
          'circle-radius': ['case', puhui, 9, 6.5],
          'circle-stroke-color': ['case', puhui, '#111827', '#ffffff'],
          'circle-stroke-width': ['case', puhui, 2.5, 1.5],
        },
      },
      {
        id: markId, type: 'symbol', source, ...extra, ...(markFilter ? { filter: markFilter } : {}),
        layout: { 'text-font': FONT, 'text-field': this.options.texts.puhuiMark, 'text-size': 10, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': '#ffffff' },
      },
    ] as LayerSpecification[]
  }
}
