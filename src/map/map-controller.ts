import {
  AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl,
  type ExpressionSpecification, type FilterSpecification, type GeoJSONSource, type LngLatBoundsLike,
  type MapGeoJSONFeature, type MapMouseEvent,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { circle } from '@turf/turf'
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { InstitutionFilters } from '../lib/filter-institutions'
import type { InstitutionProperties } from '../lib/types'
import { createBaseStyle, FONT, LAND_COLOR, LOCAL_IDEOGRAPH_FONTS, TYPE_COLORS } from './base-style'
import { institutionFilterExpression, toRenderCollection, type RenderCollection, type RenderProperties } from './filter-expression'

setWorkerUrl(workerUrl)

export interface MapCamera { center: [number, number]; zoom: number }

export interface MapControllerOptions {
  container: HTMLElement
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

const SOURCE = { institutions: 'institutions', clusters: 'institution-clusters', zones: 'zones', boundary: 'boundary', communities: 'communities', place: 'place' } as const
/** Layers whose features are institutions (for counting and clicking). */
const POINT_LAYERS = ['institutions-point', 'cluster-singles']
const CLUSTER_LAYER = 'clusters'
const PUHUI = ['==', ['get', 'puhui'], true] as ExpressionSpecification
/** Layers filtered by the parents' filters, with the fixed condition each keeps. */
const FILTERED_LAYERS: Record<string, ExpressionSpecification | null> = {
  'institutions-point': null, 'institutions-puhui-mark': PUHUI, 'institutions-name': null,
}
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

const typeColor = ['match', ['get', 'type'], ...Object.entries(TYPE_COLORS).flat(), '#000000'] as unknown as ExpressionSpecification

/** Owns the MapLibre map, its sources and layers. Plain class: Vue and Pinia never hold MapLibre objects. */
export class MapController {
  private readonly map: MapLibreMap
  private readonly options: MapControllerOptions
  private loaded = false
  private destroyed = false
  private readonly pending: Array<() => void> = []
  private readonly lastData = new Map<string, unknown>()
  private render: RenderCollection | null = null
  private clusterFeatures: Array<Feature<Point, Pick<RenderProperties, 'id' | 'type' | 'puhui'>>> = []
  private matching: ReadonlySet<string> | null = null
  private clustersStale = false
  private picking = false
  /** The drawn institutions may have changed (data, filter, camera) since renderedInstitutionCount() last counted. */
  private countDirty = true
  private lastCount = 0
  private selectable = true

  constructor(options: MapControllerOptions) {
    this.options = options
    const camera = options.camera
    this.map = new MapLibreMap({
      container: options.container,
      style: createBaseStyle({ baseUrl: options.baseUrl, tiandituToken: options.tiandituToken, tiandituAttribution: options.tiandituAttribution }),
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
    })
    this.map.touchZoomRotate.disableRotation()
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right')
    if (options.tiandituToken) this.map.addControl(new AttributionControl({ compact: true }), 'bottom-right')
    this.map.once('load', () => {
      this.addLayers()
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

  setBoundary(data: FeatureCollection) { this.whenLoaded(() => this.setSourceData(SOURCE.boundary, data)) }
  setZones(data: FeatureCollection) { this.whenLoaded(() => this.setSourceData(SOURCE.zones, data)) }
  setCommunities(data: FeatureCollection) { this.whenLoaded(() => this.setSourceData(SOURCE.communities, data)) }

  /** Loads the institutions once per dataset (a new object); filtering never calls this again. */
  setInstitutions(data: FeatureCollection<Point, InstitutionProperties>) {
    this.whenLoaded(() => {
      if (this.lastData.get(SOURCE.institutions) === data) return
      this.render = toRenderCollection(data)
      this.clusterFeatures = this.render.features.map((feature) => ({
        type: 'Feature', geometry: feature.geometry,
        properties: { id: feature.properties.id, type: feature.properties.type, puhui: feature.properties.puhui },
      }))
      this.setSourceData(SOURCE.institutions, data, this.render)
      this.pushClusters()
    })
  }

  /**
   * Applies the filters: a filter expression on the unclustered layers (evaluated in the worker, no new data), and,
   * because MapLibre clusters before any layer filter, the matching subset for the cluster source. That subset is
   * only sent while clusters are on screen (see src/map/README.md).
   */
  setFilter(filters: InstitutionFilters, searchIds: ReadonlySet<string> | null, matchingIds: Iterable<string>) {
    this.matching = new Set(matchingIds)
    const expression = institutionFilterExpression(filters, searchIds) as FilterSpecification
    this.whenLoaded(() => {
      const started = performance.now()
      this.countDirty = true
      for (const [layer, fixed] of Object.entries(FILTERED_LAYERS)) {
        this.map.setFilter(layer, fixed ? ['all', fixed, expression] as FilterSpecification : expression)
      }
      if (this.map.getZoom() < CLUSTER_ZOOM + 1) this.pushClusters()
      else this.clustersStale = true
      // Read by scripts/bench-map.ts: the main-thread cost of one filter change on the map side.
      performance.measure('map:setFilter', { start: started })
    })
  }

  setSelected(id: string | null) {
    this.whenLoaded(() => this.map.setFilter('institutions-selected', ['==', ['get', 'id'], id ?? '']))
  }

  /** Brings a point into view when it lies outside the visible area. */
  reveal(coordinates: [number, number]) {
    this.whenLoaded(() => {
      if (!this.map.getBounds().contains(coordinates)) this.map.easeTo({ center: coordinates, zoom: Math.max(this.map.getZoom(), 14) })
    })
  }

  /** Centres the map on a point at street level (a deep link naming one institution). */
  focus(coordinates: [number, number]) {
    this.whenLoaded(() => this.map.jumpTo({ center: coordinates, zoom: Math.max(this.map.getZoom(), 14) }))
  }

  /** The 15-minute circle and the place marker; null removes both. */
  setPlace(place: { lng: number; lat: number } | null, radiusMeters: number) {
    this.whenLoaded(() => {
      const data: FeatureCollection = place
        ? { type: 'FeatureCollection', features: [
            circle([place.lng, place.lat], radiusMeters / 1000, { steps: 96, units: 'kilometers' }),
            { type: 'Feature', properties: { marker: true }, geometry: { type: 'Point', coordinates: [place.lng, place.lat] } },
          ] }
        : EMPTY
      this.setSourceData(SOURCE.place, data)
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
    const features = this.map.queryRenderedFeatures({ layers: [CLUSTER_LAYER, ...POINT_LAYERS] })
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

  /** Hands the loaded map to a layer module (the planner's src/map/planner-layers.ts). */
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
  private readonly handleZoom = () => { if (this.clustersStale && this.map.getZoom() < CLUSTER_ZOOM + 1) this.pushClusters() }
  private readonly handleContextLost = () => { if (!this.destroyed) this.options.onContextLost?.() }

  private readonly handleHover = (event: MapMouseEvent) => {
    if (this.picking || !this.loaded) return
    const hit = this.map.queryRenderedFeatures(event.point, { layers: [CLUSTER_LAYER, ...POINT_LAYERS] }).length > 0
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
    const features = this.map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]], { layers: [CLUSTER_LAYER, ...POINT_LAYERS] })
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

  private pushClusters() {
    if (!this.render) return
    this.countDirty = true
    const matching = this.matching
    const subset = matching ? this.clusterFeatures.filter((feature) => matching.has(feature.properties.id)) : this.clusterFeatures
    void this.map.getSource<GeoJSONSource>(SOURCE.clusters)?.setData({ type: 'FeatureCollection', features: subset })
    this.clustersStale = false
  }

  /** Only calls setData when the data object changed (placemark's PMap habit). */
  private setSourceData(id: string, key: unknown, data: FeatureCollection = key as FeatureCollection) {
    if (this.lastData.get(id) === key) return
    this.lastData.set(id, key)
    this.countDirty = true
    void this.map.getSource<GeoJSONSource>(id)?.setData(data)
  }

  private addLayers() {
    const map = this.map
    const { language, texts } = this.options
    const tianditu = Boolean(this.options.tiandituToken)
    for (const id of [SOURCE.boundary, SOURCE.zones, SOURCE.communities, SOURCE.place]) map.addSource(id, { type: 'geojson', data: EMPTY })
    map.addSource(SOURCE.institutions, { type: 'geojson', data: EMPTY })
    map.addSource(SOURCE.clusters, { type: 'geojson', data: EMPTY, cluster: true, clusterMaxZoom: CLUSTER_ZOOM - 1, clusterRadius: 44 })

    const symbolText = { 'text-font': FONT, 'text-allow-overlap': false }
    const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
    // Land: with Tianditu its own map shows through.
    map.addLayer({ id: 'boundary-fill', type: 'fill', source: SOURCE.boundary, paint: { 'fill-color': LAND_COLOR, 'fill-opacity': tianditu ? 0 : 1 } })
    map.addLayer({ id: 'zones-line', type: 'line', source: SOURCE.zones, paint: { 'line-color': '#64748b', 'line-width': 1.2, 'line-dasharray': [3, 2] } })
    map.addLayer({ id: 'boundary-line', type: 'line', source: SOURCE.boundary, paint: { 'line-color': '#334155', 'line-width': 1.5 } })
    map.addLayer({ id: 'communities-dot', type: 'circle', source: SOURCE.communities, minzoom: 13, paint: { 'circle-radius': 2.5, 'circle-color': '#94a3b8' } })
    map.addLayer({
      id: 'communities-label', type: 'symbol', source: SOURCE.communities, minzoom: 13,
      layout: { ...symbolText, 'text-field': ['get', 'name'], 'text-size': 11, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-optional': true },
      paint: { 'text-color': '#64748b', ...halo },
    })
    const zoneName: ExpressionSpecification = ['get', language === 'en' ? 'nameEn' : 'name']
    map.addLayer({
      id: 'zones-label', type: 'symbol', source: SOURCE.zones, maxzoom: 14,
      layout: {
        ...symbolText, 'text-size': 13,
        // Clusters take the middle of an area: let its name move aside rather than vanish.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'], 'text-radial-offset': 1.6,
        'text-field': ['case', ['==', ['get', 'approximate'], true], ['concat', zoneName, '\n', texts.approximate], zoneName],
      },
      paint: { 'text-color': '#334155', ...halo },
    })
    map.addLayer({ id: 'place-area', type: 'fill', source: SOURCE.place, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#0ea5e9', 'fill-opacity': 0.12 } })
    map.addLayer({ id: 'place-outline', type: 'line', source: SOURCE.place, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': '#0369a1', 'line-width': 2 } })

    // Low zoom: clusters and the points that did not cluster, from the cluster source.
    map.addLayer({
      id: CLUSTER_LAYER, type: 'circle', source: SOURCE.clusters, maxzoom: CLUSTER_ZOOM, filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#0f766e', 'circle-opacity': 0.9, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 17, 50, 21, 200, 26],
      },
    })
    map.addLayer({
      id: 'clusters-count', type: 'symbol', source: SOURCE.clusters, maxzoom: CLUSTER_ZOOM, filter: ['has', 'point_count'],
      layout: { 'text-font': FONT, 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 13, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' },
    })
    this.addPointLayers('cluster-singles', SOURCE.clusters, { maxzoom: CLUSTER_ZOOM, filter: ['!', ['has', 'point_count']] })
    // High zoom: every institution on its own, filtered by expression.
    this.addPointLayers('institutions-point', SOURCE.institutions, { minzoom: CLUSTER_ZOOM })
    map.addLayer({
      id: 'institutions-name', type: 'symbol', source: SOURCE.institutions, minzoom: 14,
      layout: { ...symbolText, 'text-field': ['get', 'name'], 'text-size': 12, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true, 'text-max-width': 8 },
      paint: { 'text-color': '#1e293b', ...halo },
    })
    map.addLayer({
      id: 'institutions-selected', type: 'circle', source: SOURCE.institutions, filter: ['==', ['get', 'id'], ''],
      paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#dc2626', 'circle-stroke-width': 3 },
    })
    map.addLayer({
      id: 'place-marker', type: 'circle', source: SOURCE.place, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 7, 'circle-color': '#0369a1', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    })
  }

  /**
   * A type-coloured dot; 普惠 adds a thick dark ring and the mark 惠 inside, so it never depends on colour alone.
   * The mark layer is `<id>`-puhui-mark (for the institutions layer: institutions-puhui-mark).
   */
  private addPointLayers(id: string, source: string, extra: { minzoom?: number; maxzoom?: number; filter?: FilterSpecification }) {
    const puhui = PUHUI
    const markId = id === 'institutions-point' ? 'institutions-puhui-mark' : `${id}-puhui-mark`
    this.map.addLayer({
      id, type: 'circle', source, ...extra,
      paint: {
        'circle-color': typeColor,
        'circle-radius': ['case', puhui, 9, 6.5],
        'circle-stroke-color': ['case', puhui, '#111827', '#ffffff'],
        'circle-stroke-width': ['case', puhui, 2.5, 1.5],
      },
    })
    this.map.addLayer({
      id: markId, type: 'symbol', source, ...extra,
      filter: extra.filter ? ['all', extra.filter, puhui] as FilterSpecification : puhui,
      layout: { 'text-font': FONT, 'text-field': this.options.texts.puhuiMark, 'text-size': 10, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff' },
    })
  }
}
