import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import type { GeoJSON } from 'geojson'
import { beforeIdOf, type ContentLayer, type ContentLayerId } from './content-layers'

/** The part of MapLibre's Map a managed source touches (MapLibre's Map satisfies it; tests fake just this). */
export interface StyleTarget {
  getSource(id: string): unknown
  addSource(id: string, source: GeoJSONSourceSpecification): unknown
  removeSource(id: string): unknown
  getLayer(id: string): unknown
  addLayer(layer: ContentLayer, beforeId?: string): unknown
  removeLayer(id: string): unknown
  setFilter(layerId: string, filter: FilterSpecification): unknown
  setLayoutProperty(layerId: string, name: 'visibility', value: 'visible' | 'none'): unknown
}

export interface SourceDefinition {
  id: string
  /** Options of the GeoJSON source besides its data (clustering). */
  options?: Omit<GeoJSONSourceSpecification, 'type' | 'data'>
  /** The source's layers as they should be now (built when added, so they carry the current filter or selection). */
  layers: () => ContentLayer[]
}

/** Nothing has been sent to the map yet. */
const UNSENT = Symbol('unsent')

const hasSetData = (source: unknown): source is { setData: (data: GeoJSON) => unknown } =>
  typeof source === 'object' && source !== null && typeof (source as { setData?: unknown }).setData === 'function'

/**
 * One GeoJSON source and its layers over their whole life (vue-maplibre-gl's useDisposableLayer): it records what is
 * wanted (on the map or not, which data) and brings the map there once one is attached, again after a style reload.
 * Layers go into their slot of CONTENT_LAYERS; setData is skipped when the data's key did not change.
 */
export class ManagedSource {
  private map: StyleTarget | null = null
  private wanted = false
  private data: GeoJSON | null
  private key: unknown
  private sentKey: unknown = UNSENT

  /** `data` null: nothing to draw yet, the source joins the map once data arrives. */
  constructor(private readonly definition: SourceDefinition, data: GeoJSON | null = null) {
    this.data = data
    this.key = data
  }

  get id(): string { return this.definition.id }

  /** The ids of the source's layers, bottom to top. */
  layerIds(): ContentLayerId[] { return this.definition.layers().map((layer) => layer.id) }

  /** Asked for (with add or addToStyle) and not removed: on the map, or joining it once it can. */
  get isWanted(): boolean { return this.wanted }

  /** Puts the source and its layers into a style that is not loaded yet, each layer in its slot of the order. */
  addToStyle(style: StyleSpecification) {
    this.wanted = true
    if (this.data === null) return
    style.sources[this.id] = this.specification(this.data)
    this.sentKey = this.key
    for (const layer of this.definition.layers()) {
      const before = beforeIdOf(layer.id, (id) => style.layers.some((candidate) => candidate.id === id))
      const index = before ? style.layers.findIndex((candidate) => candidate.id === before) : style.layers.length
      style.layers.splice(index, 0, layer as LayerSpecification)
    }
  }

  /** The map, once its style has loaded: what was asked for before is applied now. Call again after a style reload. */
  attach(map: StyleTarget) {
    this.map = map
    this.sync(true)
  }

  /** Adds the source and its layers (idempotent); without a map or data yet, they join as soon as both are there. */
  add() {
    this.wanted = true
    this.sync(true)
  }

  /**
   * New data. `key` tells whether it changed (by default the data object itself); `defer` keeps it until flush(), for
   * data only worth sending while its layers show.
   */
  setData(data: GeoJSON, { key = data, defer = false }: { key?: unknown; defer?: boolean } = {}) {
    this.data = data
    this.key = key
    this.sync(!defer)
  }

  /** Sends deferred data, if it differs from what the map has. */
  flush() { this.sync(true) }

  /** Runs `apply` when the source is on the map (layer filters, visibility); otherwise its layers are built that way. */
  update(apply: (map: StyleTarget) => void) {
    if (this.map && this.isOnMap(this.map)) apply(this.map)
  }

  /** Takes the layers and the source off the map; add() brings them back. */
  remove() {
    this.wanted = false
    this.sentKey = UNSENT
    const map = this.map
    if (!map || !this.isOnMap(map)) return
    for (const layer of this.definition.layers()) if (map.getLayer(layer.id) !== undefined) map.removeLayer(layer.id)
    map.removeSource(this.id)
  }

  /** Forgets the map (it is being removed with everything on it). */
  detach() {
    this.map = null
    this.sentKey = UNSENT
  }

  private isOnMap(map: StyleTarget): boolean { return map.getSource(this.id) !== undefined }

  private specification(data: GeoJSON): GeoJSONSourceSpecification {
    return { type: 'geojson', data, ...this.definition.options }
  }

  private sync(sendData: boolean) {
    const map = this.map
    if (!map || !this.wanted || this.data === null) return
    if (!this.isOnMap(map)) {
      map.addSource(this.id, this.specification(this.data))
      this.sentKey = this.key
      for (const layer of this.definition.layers()) {
        map.addLayer(layer, beforeIdOf(layer.id, (id) => map.getLayer(id) !== undefined))
      }
      return
    }
    if (!sendData || this.key === this.sentKey) return
    const source = map.getSource(this.id)
    if (hasSetData(source)) source.setData(this.data)
    this.sentKey = this.key
  }
}
