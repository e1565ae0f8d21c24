import { FONT, WATER_COLOR } from '../base-style'
import type { ContentLayer } from '../content-layers'

export const WATER_SOURCE = 'water'

export interface WaterLayerOptions {
  language: 'zh' | 'en'
  /** With Tianditu its own map draws and names the river: ours stays transparent and unnamed. */
  tianditu: boolean
}

/** The Yangtze (data/water.geojson, GSHHG): drawn as water under the land, named from its `name`/`nameEn`. */
export function waterLayers({ language, tianditu }: WaterLayerOptions): ContentLayer[] {
  return [
    { id: 'water-fill', type: 'fill', source: WATER_SOURCE, paint: { 'fill-color': WATER_COLOR, 'fill-opacity': tianditu ? 0 : 1 } },
    {
      id: 'water-label', type: 'symbol', source: WATER_SOURCE,
      layout: {
        visibility: tianditu ? 'none' : 'visible',
        'text-field': ['get', language === 'en' ? 'nameEn' : 'name'], 'text-font': FONT,
        'text-size': 15, 'text-letter-spacing': 0.4, 'text-max-width': 20,
      },
      paint: { 'text-color': '#1d5f8c', 'text-halo-color': WATER_COLOR, 'text-halo-width': 1.2 },
    },
  ]
}
