import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl'
import { FONT, TYPE_COLORS } from '../base-style'
import type { ContentLayer, ContentLayerId } from '../content-layers'

export const PUHUI = ['==', ['get', 'puhui'], true] as ExpressionSpecification
const typeColor = ['match', ['get', 'type'], ...Object.entries(TYPE_COLORS).flat(), '#000000'] as unknown as ExpressionSpecification

export interface PointLayerOptions {
  ids: { point: ContentLayerId; mark: ContentLayerId }
  source: string
  /** The 普惠 mark drawn inside the dot, already translated. */
  puhuiMark: string
  minzoom?: number
  maxzoom?: number
  /** Which features draw; the mark adds "is 普惠" to it. */
  filter?: FilterSpecification
}

/** The mark layer's filter: the points' own filter and "is 普惠". */
export function markFilter(filter: FilterSpecification | undefined): FilterSpecification {
  return filter ? ['all', filter, PUHUI] as FilterSpecification : PUHUI
}

/** A type-coloured dot; 普惠 adds a thick dark ring and the mark 惠 inside, so it never depends on colour alone. */
export function pointLayers({ ids, source, puhuiMark, minzoom, maxzoom, filter }: PointLayerOptions): ContentLayer[] {
  const zoom = { ...(minzoom === undefined ? {} : { minzoom }), ...(maxzoom === undefined ? {} : { maxzoom }) }
  return [
    {
      id: ids.point, type: 'circle', source, ...zoom, ...(filter ? { filter } : {}),
      paint: {
        'circle-color': typeColor,
        'circle-radius': ['case', PUHUI, 9, 6.5],
        'circle-stroke-color': ['case', PUHUI, '#111827', '#ffffff'],
        'circle-stroke-width': ['case', PUHUI, 2.5, 1.5],
      },
    },
    {
      id: ids.mark, type: 'symbol', source, ...zoom, filter: markFilter(filter),
      layout: { 'text-font': FONT, 'text-field': puhuiMark, 'text-size': 10, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff' },
    },
  ]
}
