import type { FilterSpecification, GeoJSONSourceSpecification } from 'maplibre-gl'
import type { GeoJSON } from 'geojson'
import type { ContentLayer } from '../../src/map/content-layers'
import type { StyleTarget } from '../../src/map/managed-source'

interface FakeSource { specification: GeoJSONSourceSpecification; data: unknown; setData: (data: GeoJSON) => void }

/**
 * A tiny stand-in for MapLibre's Map, only the style calls a ManagedSource makes. Like MapLibre it refuses a second
 * source or layer with the same id, a layer whose source or `beforeId` is missing, and removing a source in use.
 */
export class FakeStyleMap implements StyleTarget {
  readonly sources = new Map<string, FakeSource>()
  /** Bottom to top. */
  layers: ContentLayer[] = []
  /** Every addLayer call: the layer id and the beforeId it was given. */
  readonly added: Array<{ id: string; beforeId: string | undefined }> = []
  /** Every setData call: the source id. */
  readonly sent: string[] = []

  getSource(id: string) { return this.sources.get(id) }
  addSource(id: string, specification: GeoJSONSourceSpecification) {
    if (this.sources.has(id)) throw new Error(`There is already a source with ID "${id}"`)
    const source: FakeSource = {
      specification, data: specification.data,
      setData: (data) => { source.data = data; this.sent.push(id) },
    }
    this.sources.set(id, source)
  }
  removeSource(id: string) {
    if (this.layers.some((layer) => 'source' in layer && layer.source === id)) throw new Error(`Source "${id}" is in use`)
    this.sources.delete(id)
  }
  getLayer(id: string) { return this.layers.find((layer) => layer.id === id) }
  addLayer(layer: ContentLayer, beforeId?: string) {
    if (this.getLayer(layer.id)) throw new Error(`Layer "${layer.id}" already exists`)
    if ('source' in layer && !this.sources.has(String(layer.source))) throw new Error(`Source "${String(layer.source)}" missing`)
    const index = beforeId === undefined ? this.layers.length : this.layers.findIndex((candidate) => candidate.id === beforeId)
    if (index < 0) throw new Error(`Cannot add layer before non-existing layer "${beforeId}"`)
    this.layers.splice(index, 0, structuredClone(layer))
    this.added.push({ id: layer.id, beforeId })
  }
  removeLayer(id: string) { this.layers = this.layers.filter((layer) => layer.id !== id) }
  setFilter(layerId: string, filter: FilterSpecification) {
    const layer = this.getLayer(layerId)
    if (layer) Object.assign(layer, { filter })
  }
  setLayoutProperty(layerId: string, name: 'visibility', value: 'visible' | 'none') {
    const layer = this.getLayer(layerId)
    if (layer) layer.layout = { ...layer.layout, [name]: value }
  }
  /** What setStyle does to our content: every source and layer gone. */
  reloadStyle() {
    this.sources.clear()
    this.layers = []
  }
}
