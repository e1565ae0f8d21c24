import {
  AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl,
  type GeoJSONSource, type LngLatBoundsLike, type MapGeoJSONFeature, type MapMouseEvent, type StyleSpecification,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { FeatureCollection, Point } from 'geojson'
import type { InstitutionFilters } from '../lib/filter-institutions'
import type { InstitutionProperties } from '../lib/types'
import { LOCAL_IDEOGRAPH_FONTS } from './base-style'
import { InstitutionSources } from './institution-sources'
import type { MapCamera, MapControllerOptions } from './map-options'
import { ManagedSource } from './managed-source'
import { createMapStyle } from './map-style'
import { ElderScale } from './elder-scale'
import { BASEMAP_SOURCE, basemapData, basemapLayers } from './layers/basemap'
import { CLUSTER_ZOOM, CLUSTERS_SOURCE } from './layers/clusters'
import { COMMUNITIES_SOURCE, COMMUNITY_ZOOM, communityLayers } from './layers/communities'
import { institutionFeatureLayers } from './layers/institutions'
import { PLACE_SOURCE, placeData, placeLayers } from './layers/place'
import { WATER_SOURCE, waterLayers } from './layers/water'

setWorkerUrl(workerUrl)

export type { MapCamera, MapControllerOptions, MapInitialData } from './map-options'

const placeKey = (place: { lng: number; lat: number }, radiusMeters: number) => `${place.lng},${place.lat},${radiusMeters}`

/**
 * Owns the MapLibre map: camera, events, and the sync of the stores' state into its sources. The sources and their
 * layers keep their own life (ManagedSource) and their place in CONTENT_LAYERS. Vue and Pinia never hold MapLibre objects.
 */
export class MapController {
  private readonly map: MapLibreMap
  private readonly options: MapControllerOptions
  /** Changes asked for before the style has loaded; null once it has. */
  private pending: Array<() => void> | null = []
  private destroyed = false
  private readonly institutions: InstitutionSources
  private basemapParts: { boundary: FeatureCollection; zones: FeatureCollection }
  private readonly basemap: ManagedSource
  private readonly communities: ManagedSource
  private readonly water: ManagedSource
  private readonly place: ManagedSource
  /** Every source on this map, re-added after a style reload and forgotten on destroy. */
  private readonly content: ManagedSource[]
  private picking = false
  private readonly elderScale = new ElderScale()
  private selectable = true

  constructor(options: MapControllerOptions) {
    this.options = options
    const { camera, data, texts } = options
    this.institutions = new InstitutionSources(data.institutions, data.filter, data.selectedId ?? null, texts.puhuiMark)
    this.basemapParts = { boundary: data.boundary, zones: data.zones }
    const basemapOptions = { language: options.language, approximateText: texts.approximate, tianditu: Boolean(options.tiandituToken) }
    this.basemap = new ManagedSource({ id: BASEMAP_SOURCE, layers: () => basemapLayers(basemapOptions) }, basemapData(data.boundary, data.zones))
    this.communities = new ManagedSource({ id: COMMUNITIES_SOURCE, layers: communityLayers }, data.communities ?? null)
    const waterOptions = { language: options.language, tianditu: Boolean(options.tiandituToken) }
    this.water = new ManagedSource({ id: WATER_SOURCE, layers: () => waterLayers(waterOptions) }, data.water ?? null)
    this.place = new ManagedSource({ id: PLACE_SOURCE, layers: placeLayers })
    this.content = [this.water, this.basemap, this.communities, this.place, this.institutions.clusters, this.institutions.points]
    if (data.place) this.place.setData(placeData(data.place, data.radiusMeters ?? 0), { key: placeKey(data.place, data.radiusMeters ?? 0) })

    // Sources needed only at street level, with a selection or once a place is chosen join the initial style only then.
    const zoom = camera?.zoom ?? 0
    // The water source is wanted from the start: it joins the style now if loaded, else once its data arrives.
    const initial = [this.water, this.basemap, this.institutions.clusters]
    if (this.institutions.selectedId || zoom >= CLUSTER_ZOOM - 1) initial.push(this.institutions.points)
    if (data.communities && zoom >= COMMUNITY_ZOOM - 1) initial.push(this.communities)
    if (data.place) initial.push(this.place)
    const style = createMapStyle({ baseUrl: options.baseUrl, tiandituToken: options.tiandituToken, tiandituAttribution: options.tiandituAttribution }, initial)
    this.map = this.createMap(style)
    this.map.on('style.load', this.handleStyleLoad)
    this.map.on('moveend', this.handleMoveEnd)
    this.map.on('zoom', this.handleZoom)
    this.map.on('click', this.handleClick)
    this.map.on('mousemove', this.handleHover)
    this.map.on('webglcontextlost', this.handleContextLost)
    this.map.on('styledata', this.handleStyleData)
    // A failed glyph or tile must never reach the user as an exception.
    this.map.on('error', (event) => console.warn('map:', event.error?.message ?? event))
  }

  setBoundary(boundary: FeatureCollection) { this.setBasemap({ ...this.basemapParts, boundary }) }
  setZones(zones: FeatureCollection) { this.setBasemap({ ...this.basemapParts, zones }) }
  setWater(data: FeatureCollection) { this.water.setData(data) }
  /** Kept until the map nears the zoom community names show at; only then does the map load them. */
  setCommunities(data: FeatureCollection) { this.communities.setData(data) }

  /** Loads the institutions once per dataset (a new object); filtering never calls this again. */
  setInstitutions(data: FeatureCollection<Point, InstitutionProperties>) {
    this.institutions.setInstitutions(data, this.clustersOnScreen())
  }

  /**
   * Applies the filters: a filter expression on the unclustered layers (evaluated in the worker, no new data), and,
   * because MapLibre clusters before any layer filter, the matching subset for the cluster source. That subset is
   * only sent while clusters are on screen (see src/map/README.md). Nothing changes when nothing did.
   */
  setFilter(filters: InstitutionFilters, searchIds: ReadonlySet<string> | null, matchingIds: Iterable<string>) {
    const started = import.meta.env.VITE_TEST_HOOKS === '1' ? performance.now() : 0
    const changed = this.institutions.setFilter({ filters, searchIds, matchingIds }, this.clustersOnScreen())
    // Test builds only, read by scripts/bench-map.ts: the main-thread cost of one filter change on the map side.
    if (import.meta.env.VITE_TEST_HOOKS === '1' && changed) performance.measure('map:setFilter', { start: started })
  }

  setSelected(id: string | null) { this.institutions.setSelected(id) }

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
    if (!place) {
      this.place.remove()
      return
    }
    this.place.setData(placeData(place, radiusMeters), { key: placeKey(place, radiusMeters) })
    this.place.add()
  }

  /** Off while the planner places hypothetical sites: a tap then places a site rather than opening a sheet. */
  setSelectable(selectable: boolean) { this.selectable = selectable }

  /** While true, a tap sets the place instead of selecting. */
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

  /** Shows these points (search results) clear of a sheet `bottom` px tall; the padding stays the map's own. */
  fitPoints(points: ReadonlyArray<[number, number]>, bottom = 0) {
    if (points.length === 0) return
    const lngs = points.map((point) => point[0])
    const lats = points.map((point) => point[1])
    const bounds: LngLatBoundsLike = [[Math.min(...lngs), Math.min(...lats)], [Math.max(...lngs), Math.max(...lats)]]
    this.whenLoaded(() => {
      const clear = Math.min(bottom, this.map.getContainer().clientHeight * 0.6)
      this.map.fitBounds(bounds, { padding: { top: 40, left: 40, right: 40, bottom: 40 + clear }, absolutePadding: true, maxZoom: 15, duration: 400 })
    })
  }

  /** 适老化 mode: markers and labels × `scale` (1 = normal), on the layers present now and on any added later. */
  setElderScale(scale: number) {
    this.elderScale.scale = scale
    this.whenLoaded(() => this.elderScale.apply(this.map))
  }

  /** Flies to fit [west, south, east, north] (near me's circle and nearest results), clear of `padding`, which stays the map's. */
  fitTo(bounds: [number, number, number, number], padding: { top: number; bottom: number; left: number; right: number }) {
    this.whenLoaded(() => this.map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding, absolutePadding: true, maxZoom: 16, duration: 600 }))
  }

  /** Puts other modules' sources (the planner's) on this map, each in its slot of CONTENT_LAYERS. */
  addSources(sources: ManagedSource[]) {
    for (const source of sources) {
      this.content.push(source)
      source.add()
      if (!this.pending) source.attach(this.map)
    }
  }

  /** Hands the map, once its style is loaded, to an interaction module (the planner's src/map/planner-interactions.ts). */
  withMap(apply: (map: MapLibreMap) => void) { this.whenLoaded(() => apply(this.map)) }

  /** Unhooks every handler, then removes the map (vue-maplibre-gl's dispose). */
  destroy() {
    if (this.destroyed) return
    this.destroyed = true
    this.pending = null
    for (const source of this.content) source.detach()
    this.map.off('style.load', this.handleStyleLoad)
    this.map.off('moveend', this.handleMoveEnd)
    this.map.off('zoom', this.handleZoom)
    this.map.off('click', this.handleClick)
    this.map.off('mousemove', this.handleHover)
    this.map.off('webglcontextlost', this.handleContextLost)
    this.map.remove()
  }

  private createMap(style: StyleSpecification): MapLibreMap {
    const { camera, ...options } = this.options
    const map = new MapLibreMap({
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
    // The canvas shows once the map is first idle: its complete picture, composited once. Transparent, not hidden:
    // taps still reach the map, and the browser skips compositing MapLibre's loading frames (100–600 ms each in
    // software WebGL).
    const canvas = map.getCanvas()
    canvas.style.opacity = '0'
    const reveal = () => { canvas.style.opacity = '' }
    map.once('idle', reveal)
    map.once('error', reveal)
    map.touchZoomRotate.disableRotation()
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right')
    if (options.tiandituToken) map.addControl(new AttributionControl({ compact: true }), 'bottom-right')
    return map
  }

  private whenLoaded(apply: () => void) {
    if (this.destroyed) return
    if (this.pending) this.pending.push(apply)
    else apply()
  }

  private clustersOnScreen(): boolean { return this.map.getZoom() < CLUSTER_ZOOM + 1 }

  /** One source for the boundary and the planning areas: new data for either sends the merged collection. */
  private setBasemap(parts: { boundary: FeatureCollection; zones: FeatureCollection }) {
    if (parts.boundary === this.basemapParts.boundary && parts.zones === this.basemapParts.zones) return
    this.basemapParts = parts
    this.basemap.setData(basemapData(parts.boundary, parts.zones))
  }

  /** The first load, and any style reload after it: every wanted source is (re-)added from CONTENT_LAYERS. */
  private readonly handleStyleLoad = () => {
    for (const source of this.content) source.attach(this.map)
    for (const apply of this.pending?.splice(0) ?? []) apply()
    this.pending = null
    this.handleZoom()
  }

  private readonly handleMoveEnd = () => {
    const center = this.map.getCenter()
    this.options.onMoveEnd?.({ center: [center.lng, center.lat], zoom: this.map.getZoom() })
  }

  /** Sources join as the map nears the zoom they show at; deferred cluster data is sent once clusters are in view. */
  private readonly handleZoom = () => {
    const zoom = this.map.getZoom()
    if (this.clustersOnScreen()) this.institutions.clusters.flush()
    if (zoom >= COMMUNITY_ZOOM - 1) this.communities.add()
    if (zoom >= CLUSTER_ZOOM - 1) this.institutions.points.add()
  }

  private readonly handleStyleData = () => { if (!this.pending && this.elderScale.scale !== 1) this.elderScale.apply(this.map) }

  private readonly handleContextLost = () => { if (!this.destroyed) this.options.onContextLost?.() }

  private readonly handleHover = (event: MapMouseEvent) => {
    if (this.picking || this.pending) return
    const hit = this.map.queryRenderedFeatures(event.point, { layers: institutionFeatureLayers(this.map) }).length > 0
    this.map.getCanvas().style.cursor = hit ? 'pointer' : ''
  }

  private readonly handleClick = (event: MapMouseEvent) => {
    if (this.picking) {
      this.options.onPlacePicked?.({ lng: event.lngLat.lng, lat: event.lngLat.lat })
      return
    }
    if (this.pending || !this.selectable) return
    // A finger is wider than a point: look a few pixels around the tap.
    const { x, y } = event.point
    const features = this.map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]], { layers: institutionFeatureLayers(this.map) })
    const feature: MapGeoJSONFeature | undefined = features.find((candidate) => !candidate.properties.cluster) ?? features[0]
    if (!feature) return
    if (feature.properties.cluster) {
      void this.map.getSource<GeoJSONSource>(CLUSTERS_SOURCE)?.getClusterExpansionZoom(feature.properties.cluster_id as number).then((zoom) => {
        if (this.destroyed) return
        this.map.easeTo({ center: (feature.geometry as Point).coordinates as [number, number], zoom: Math.min(zoom, CLUSTER_ZOOM) + 0.5 })
      }).catch(() => undefined)
      return
    }
    this.options.onSelect?.(feature.properties.id as string)
  }
}
