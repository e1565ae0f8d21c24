import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl'
import type { Feature, FeatureCollection } from 'geojson'
import { HALO, LAND_COLOR, SYMBOL_TEXT } from '../base-style'
import type { ContentLayer } from '../content-layers'

/** The boundary and the planning areas share one source (one load in the worker, one set of tiles). */
export const BASEMAP_SOURCE = 'basemap'
/** The property telling the basemap source's boundary features from its planning areas. */
const KIND = 'basemapKind'
const isKind = (kind: 'boundary' | 'zone') => ['==', ['get', KIND], kind] as FilterSpecification

/** The boundary and the planning areas in one collection, each feature tagged with its kind (inputs are copied). */
export function basemapData(boundary: FeatureCollection, zones: FeatureCollection): FeatureCollection {
  const tag = (kind: 'boundary' | 'zone') => (feature: Feature) => ({ ...feature, properties: { ...feature.properties, [KIND]: kind } })
  return { type: 'FeatureCollection', features: [...boundary.features.map(tag('boundary')), ...zones.features.map(tag('zone'))] }
}

export interface BasemapLayerOptions {
  language: 'zh' | 'en'
  /** Added under the name of a planning area whose outline is approximate. */
  approximateText: string
  /** With Tianditu the land fill is transparent, so its own map shows through. */
  tianditu: boolean
}

/** Land, planning areas (dashed) and their names. */
export function basemapLayers({ language, approximateText, tianditu }: BasemapLayerOptions): ContentLayer[] {
  const zoneName: ExpressionSpecification = ['get', language === 'en' ? 'nameEn' : 'name']
  return [
    { id: 'boundary-fill', type: 'fill', source: BASEMAP_SOURCE, filter: isKind('boundary'), paint: { 'fill-color': LAND_COLOR, 'fill-opacity': tianditu ? 0 : 1 } },
    { id: 'zones-line', type: 'line', source: BASEMAP_SOURCE, filter: isKind('zone'), paint: { 'line-color': '#64748b', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
    { id: 'boundary-line', type: 'line', source: BASEMAP_SOURCE, filter: isKind('boundary'), paint: { 'line-color': '#334155', 'line-width': 1.5 } },
    {
      id: 'zones-label', type: 'symbol', source: BASEMAP_SOURCE, filter: isKind('zone'), maxzoom: 14,
      layout: {
        ...SYMBOL_TEXT, 'text-size': 13,
        // Clusters take the middle of an area: let its name move aside rather than vanish.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'], 'text-radial-offset': 1.6,
        'text-field': ['case', ['==', ['get', 'approximate'], true], ['concat', zoneName, '\n', approximateText], zoneName],
      },
      paint: { 'text-color': '#334155', ...HALO },
    },
  ]
}
