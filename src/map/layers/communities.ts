import { HALO, SYMBOL_TEXT } from '../base-style'
import type { ContentLayer } from '../content-layers'

export const COMMUNITIES_SOURCE = 'communities'
/** Community dots and names show from this zoom; their source is added a zoom level before. */
export const COMMUNITY_ZOOM = 13

/** Community dots and names at street level. */
export function communityLayers(): ContentLayer[] {
  return [
    { id: 'communities-dot', type: 'circle', source: COMMUNITIES_SOURCE, minzoom: COMMUNITY_ZOOM, paint: { 'circle-radius': 2.5, 'circle-color': '#94a3b8' } },
    {
      id: 'communities-label', type: 'symbol', source: COMMUNITIES_SOURCE, minzoom: COMMUNITY_ZOOM,
      layout: { ...SYMBOL_TEXT, 'text-field': ['get', 'name'], 'text-size': 11, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-optional': true },
      paint: { 'text-color': '#64748b', ...HALO },
    },
  ]
}
