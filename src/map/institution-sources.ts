import type { FilterSpecification } from 'maplibre-gl'
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { InstitutionFilters } from '../lib/filter-institutions'
import type { InstitutionProperties } from '../lib/types'
import { institutionFilterExpression, toRenderCollection, type RenderProperties } from './filter-expression'
import { ManagedSource } from './managed-source'
import { CLUSTER_OPTIONS, CLUSTERS_SOURCE, clusterLayers } from './layers/clusters'
import { INSTITUTIONS_SOURCE, institutionLayerFilters, institutionLayers, selectionLayer } from './layers/institutions'

type Institutions = FeatureCollection<Point, InstitutionProperties>
type ClusterFeature = Feature<Point, Pick<RenderProperties, 'id' | 'type' | 'puhui'>>

export interface InstitutionFilterState { filters: InstitutionFilters; searchIds: ReadonlySet<string> | null; matchingIds: Iterable<string> }

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((id) => b.has(id))

/**
 * The institutions' two sources (see src/map/README.md, "Filtering and clusters"): below zoom 12 the cluster source,
 * fed only the matching subset (MapLibre clusters before any layer filter); from zoom 12 every institution on its
 * own, filtered by an expression on the GPU, plus the selection ring.
 */
export class InstitutionSources {
  readonly clusters: ManagedSource
  readonly points: ManagedSource
  private dataset: Institutions
  /** The cluster source's slim features (id, type, 普惠 and coordinates) of the dataset. */
  private slim: ClusterFeature[] = []
  private matching: ReadonlySet<string>
  private expression: FilterSpecification
  private filterKey: string
  private selected: string | null

  constructor(data: Institutions, filter: InstitutionFilterState, selectedId: string | null, puhuiMark: string) {
    this.dataset = data
    this.matching = new Set(filter.matchingIds)
    this.expression = institutionFilterExpression(filter.filters, filter.searchIds) as FilterSpecification
    this.filterKey = JSON.stringify(this.expression)
    this.selected = selectedId
    this.clusters = new ManagedSource({ id: CLUSTERS_SOURCE, options: CLUSTER_OPTIONS, layers: () => clusterLayers(puhuiMark) })
    this.points = new ManagedSource({
      id: INSTITUTIONS_SOURCE,
      layers: () => institutionLayers({ expression: this.expression, selectedId: this.selected, puhuiMark }),
    })
    this.load(data, false)
  }

  get selectedId(): string | null { return this.selected }

  /** A new dataset (a new object); filtering never calls this again. */
  setInstitutions(data: Institutions, clustersOnScreen: boolean) {
    if (data === this.dataset) return
    this.dataset = data
    this.load(data, !clustersOnScreen)
  }

  /**
   * The parents' filters: the expression on the unclustered layers (no new data) and the matching subset for the
   * cluster source, sent now only while clusters are on screen (flush() sends it later). False when nothing changed.
   */
  setFilter(filter: InstitutionFilterState, clustersOnScreen: boolean): boolean {
    const matching = new Set(filter.matchingIds)
    const expression = institutionFilterExpression(filter.filters, filter.searchIds) as FilterSpecification
    const key = JSON.stringify(expression)
    if (key === this.filterKey && sameSet(matching, this.matching)) return false
    this.matching = matching
    this.filterKey = key
    this.expression = expression
    this.points.update((map) => {
      for (const [layer, layerFilter] of Object.entries(institutionLayerFilters(expression))) map.setFilter(layer, layerFilter)
    })
    this.sendClusters(!clustersOnScreen)
    return true
  }

  /** The selection ring; a selection brings the unclustered source onto the map at any zoom. */
  setSelected(id: string | null) {
    if (id === this.selected) return
    this.selected = id
    if (id) this.points.add()
    const { filter, visibility } = selectionLayer(id)
    this.points.update((map) => {
      map.setFilter('institutions-selected', filter)
      map.setLayoutProperty('institutions-selected', 'visibility', visibility)
    })
  }

  private load(data: Institutions, deferClusters: boolean) {
    const render = toRenderCollection(data)
    this.slim = render.features.map((feature) => ({
      type: 'Feature', geometry: feature.geometry,
      properties: { id: feature.properties.id, type: feature.properties.type, puhui: feature.properties.puhui },
    }))
    this.points.setData(render, { key: data })
    this.sendClusters(deferClusters)
  }

  private sendClusters(defer: boolean) {
    const matching = this.matching
    this.clusters.setData({ type: 'FeatureCollection', features: this.slim.filter((feature) => matching.has(feature.properties.id)) }, { defer })
  }
}
