import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl'

/** Colours of the institution types; the legend reads the same table. */
export const TYPE_COLORS = {
  center: '#7c3aed',
  community: '#0f766e',
  kindergarten: '#c2410c',
  employer: '#1d4ed8',
  private: '#4b5563',
} as const

/** The one font stack the app ships as glyph PBFs (public/glyphs, made by scripts/build-glyphs.ts). */
export const FONT = ['NotoSans-Regular']

/** Layout shared by the text layers that may hide on collision (area, community and institution names). */
export const SYMBOL_TEXT = { 'text-font': FONT, 'text-allow-overlap': false }
/** A white halo keeps names readable over dots and lines. */
export const HALO = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }

/** Chinese text is drawn from the device's fonts, so no CJK glyphs are downloaded or shipped. */
export const LOCAL_IDEOGRAPH_FONTS = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"

export const WATER_COLOR = '#cfe3f3'
export const LAND_COLOR = '#f8fafc'
/** Land outside the city (the background): neither the city's land nor the river (water.geojson draws that). */
export const OUTSIDE_COLOR = '#e9e7e1'

/** 天地图 (Tianditu) tiles come from t0…t7; the layer names are vec (vector) and cva (Chinese annotation). */
function tiandituSource(layer: 'vec' | 'cva', token: string, attribution: string): SourceSpecification {
  const tiles = Array.from({ length: 8 }, (_, server) =>
    `https://t${server}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}`
    + `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(token)}`)
  return { type: 'raster', tiles, tileSize: 256, minzoom: 1, maxzoom: 18, attribution }
}

export interface BaseStyleOptions {
  /** Absolute URL of the app's base (glyph URLs must be absolute). */
  baseUrl: string
  /** Build-time Tianditu token; empty or undefined: nothing third-party at all. */
  tiandituToken?: string
  /** Attribution shown with the Tianditu layers (provider name and 审图号). */
  tiandituAttribution?: string
}

/**
 * The offline basemap: the background is the land around the city; the Yangtze, the city's land and the planning areas
 * come from our own data (added by the controller), glyphs from the app itself. With a Tianditu token, its vector and annotation tiles sit under our layers.
 */
export function createBaseStyle(options: BaseStyleOptions): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {}
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': OUTSIDE_COLOR } }]
  if (options.tiandituToken) {
    const attribution = options.tiandituAttribution ?? ''
    sources['tianditu-vec'] = tiandituSource('vec', options.tiandituToken, attribution)
    sources['tianditu-cva'] = tiandituSource('cva', options.tiandituToken, attribution)
    layers.push(
      { id: 'tianditu-vec', type: 'raster', source: 'tianditu-vec' },
      { id: 'tianditu-cva', type: 'raster', source: 'tianditu-cva' },
    )
  }
  return {
    version: 8,
    glyphs: `${new URL('glyphs/', options.baseUrl).href}{fontstack}/{range}.pbf`,
    sources,
    layers,
  }
}
