import type { GeoJSONSourceSpecification } from 'maplibre-gl'
import { FONT } from '../base-style'
import type { ContentLayer } from '../content-layers'
import { pointLayers } from './institution-points'

/** Above this zoom every institution is drawn on its own, filtered by an expression; below, clusters. */
export const CLUSTER_ZOOM = 12
export const CLUSTERS_SOURCE = 'institution-clusters'
export const CLUSTER_OPTIONS: Omit<GeoJSONSourceSpecification, 'type' | 'data'> = { cluster: true, clusterMaxZoom: CLUSTER_ZOOM - 1, clusterRadius: 44 }

/** Low zoom: clusters with their counts, and the points that did not cluster. */
export function clusterLayers(puhuiMark: string): ContentLayer[] {
  return [
    {
      id: 'clusters', type: 'circle', source: CLUSTERS_SOURCE, maxzoom: CLUSTER_ZOOM, filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#0f766e', 'circle-opacity': 0.9, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 17, 50, 21, 200, 26],
      },
    },
    {
      id: 'clusters-count', type: 'symbol', source: CLUSTERS_SOURCE, maxzoom: CLUSTER_ZOOM, filter: ['has', 'point_count'],
      layout: { 'text-font': FONT, 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 13, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' },
    },
    ...pointLayers({
      ids: { point: 'cluster-singles', mark: 'cluster-singles-puhui-mark' }, source: CLUSTERS_SOURCE, puhuiMark,
      maxzoom: CLUSTER_ZOOM, filter: ['!', ['has', 'point_count']],
    }),
  ]
}
