import type { ExpressionSpecification } from 'maplibre-gl'
import { HALO, SYMBOL_TEXT } from '../base-style'
import type { ContentLayer } from '../content-layers'

export const COMMUNITIES_SOURCE = 'communities'
/** Community dots and names show from this zoom; their source is added a zoom level before. */
export const COMMUNITY_ZOOM = 13

/** A real point (approximate: false) in `real`, a point placed approximately in the lighter `approximate`. */
const byPlacement = (real: string, approximate: string): ExpressionSpecification =>
  ['case', ['==', ['get', 'approximate'], false], real, approximate]

/** Community dots and names at street level: real points dark, approximately placed ones lighter. */
export function communityLayers(): ContentLayer[] {
  return [
    {
      id: 'communities-dot', type: 'circle', source: COMMUNITIES_SOURCE, minzoom: COMMUNITY_ZOOM,
      paint: { 'circle-radius': 2.5, 'circle-color': byPlacement('#475569', '#cbd5e1') },
    },
    {
      id: 'communities-label', type: 'symbol', source: COMMUNITIES_SOURCE, minzoom: COMMUNITY_ZOOM,
      layout: { ...SYMBOL_TEXT, 'text-field': ['get', 'name'], 'text-size': 11, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-optional': true },
      paint: { 'text-color': byPlacement('#334155', '#94a3b8'), ...HALO },
    },
  ]
}
