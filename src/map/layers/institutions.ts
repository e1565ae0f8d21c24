import type { FilterSpecification } from 'maplibre-gl'
import { HALO, SYMBOL_TEXT } from '../base-style'
import type { ContentLayer, ContentLayerId } from '../content-layers'
import { CLUSTER_ZOOM } from './clusters'
import { markFilter, pointLayers } from './institution-points'

export const INSTITUTIONS_SOURCE = 'institutions'
/** Layers whose features are institutions (for counting and tapping). */
const INSTITUTION_FEATURE_LAYERS: ContentLayerId[] = ['clusters', 'cluster-singles', 'institutions-point']

/** The institution layers the map has now (a query naming a missing layer fails). */
export function institutionFeatureLayers(map: { getLayer(id: string): unknown }): ContentLayerId[] {
  return INSTITUTION_FEATURE_LAYERS.filter((id) => map.getLayer(id) !== undefined)
}

/** The layers filtered by the parents' filters, each with its filter for the parents' expression. */
export function institutionLayerFilters(expression: FilterSpecification) {
  return { 'institutions-point': expression, 'institutions-puhui-mark': markFilter(expression), 'institutions-name': expression } as const
}

/** The selection ring's filter and visibility: hidden while nothing is selected. */
export function selectionLayer(selectedId: string | null) {
  return { filter: ['==', ['get', 'id'], selectedId ?? ''] as FilterSpecification, visibility: selectedId ? 'visible' as const : 'none' as const }
}

export interface InstitutionLayerOptions {
  expression: FilterSpecification
  selectedId: string | null
  puhuiMark: string
}

/** From zoom 12 every institution on its own, filtered by expression, named from zoom 14; and the selection ring. */
export function institutionLayers({ expression, selectedId, puhuiMark }: InstitutionLayerOptions): ContentLayer[] {
  const filters = institutionLayerFilters(expression)
  const selection = selectionLayer(selectedId)
  return [
    ...pointLayers({
      ids: { point: 'institutions-point', mark: 'institutions-puhui-mark' }, source: INSTITUTIONS_SOURCE, puhuiMark,
      minzoom: CLUSTER_ZOOM, filter: expression,
    }),
    {
      id: 'institutions-name', type: 'symbol', source: INSTITUTIONS_SOURCE, minzoom: 14, filter: filters['institutions-name'],
      layout: { ...SYMBOL_TEXT, 'text-field': ['get', 'name'], 'text-size': 12, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true, 'text-max-width': 8 },
      paint: { 'text-color': '#1e293b', ...HALO },
    },
    // Hidden while nothing is selected, so at city zoom nothing draws from the unclustered source.
    {
      id: 'institutions-selected', type: 'circle', source: INSTITUTIONS_SOURCE, filter: selection.filter,
      layout: { visibility: selection.visibility },
      paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#dc2626', 'circle-stroke-width': 3 },
    },
  ]
}
