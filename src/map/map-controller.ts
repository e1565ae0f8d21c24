import { Map as MapLibreMap, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource, type LngLatBoundsLike } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { FeatureCollection } from 'geojson'
import { createBaseStyle, TYPE_COLORS } from './base-style'

setWorkerUrl(workerUrl)

export interface MapControllerOptions {
  container: HTMLElement
  bounds: LngLatBoundsLike
  onIdle?: () => void
}

const INSTITUTIONS = 'institutions'
const ZONES = 'zones'
const BOUNDARY = 'boundary'

/** Owns the MapLibre map, its sources and layers. Plain class: Vue and Pinia never hold MapLibre objects. */
export class MapController {
  private readonly map: MapLibreMap
  private readonly loaded: Promise<void>
  private readonly lastData = new Map<string, unknown>()

  constructor(options: MapControllerOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: createBaseStyle(),
      bounds: options.bounds,
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      localIdeographFontFamily: "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif",
    })
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()))
    if (options.onIdle) this.map.on('idle', options.onIdle)
  }

  async setBoundary(data: FeatureCollection) {
    await this.setSourceData(BOUNDARY, data, () => {
      this.map.addLayer({ id: 'boundary-fill', type: 'fill', source: BOUNDARY, paint: { 'fill-color': '#f8fafc' } }, this.firstOverlay())
      this.map.addLayer({ id: 'boundary-line', type: 'line', source: BOUNDARY, paint: { 'line-color': '#334155', 'line-width': 1.5 } }, this.firstOverlay())
    })
  }

  async setZones(data: FeatureCollection) {
    await this.setSourceData(ZONES, data, () => {
      this.map.addLayer({
        id: 'zones-line', type: 'line', source: ZONES,
        paint: { 'line-color': '#64748b', 'line-width': 1, 'line-dasharray': [2, 2] },
      }, this.firstOverlay())
    })
  }

  async setInstitutions(data: FeatureCollection) {
    await this.setSourceData(INSTITUTIONS, data, () => {
      this.map.addLayer({
        id: 'institutions-circle', type: 'circle', source: INSTITUTIONS,
        paint: {
          'circle-radius': 6,
          'circle-color': ['match', ['get', 'type'], ...Object.entries(TYPE_COLORS).flat(), '#000000'] as unknown as ExpressionSpecification,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      })
    })
  }

  /** Number of institution features drawn in the current view. */
  renderedInstitutionCount(): number {
    if (!this.map.getLayer('institutions-circle')) return 0
    const ids = new Set(this.map.queryRenderedFeatures({ layers: ['institutions-circle'] }).map((f) => f.properties.id))
    return ids.size
  }

  destroy() {
    this.map.remove()
  }

  private firstOverlay(): string | undefined {
    return this.map.getLayer('institutions-circle') ? 'institutions-circle' : undefined
  }

  /** Adds the source (and its layers) once, then only calls setData when the data object changed. */
  private async setSourceData(id: string, data: FeatureCollection, addLayers: () => void) {
    await this.loaded
    if (this.lastData.get(id) === data) return
    this.lastData.set(id, data)
    const source = this.map.getSource<GeoJSONSource>(id)
    if (source) {
      source.setData(data)
      return
    }
    this.map.addSource(id, { type: 'geojson', data })
    addLayers()
  }
}
