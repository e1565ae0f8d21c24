import { circle } from '@turf/circle'
import type { FeatureCollection } from 'geojson'
import type { ContentLayer } from '../content-layers'

export const PLACE_SOURCE = 'place'

/** The parents' place (a marker) and the area within the 15-minute radius around it. */
export function placeData(place: { lng: number; lat: number }, radiusMeters: number): FeatureCollection {
  return { type: 'FeatureCollection', features: [
    circle([place.lng, place.lat], radiusMeters / 1000, { steps: 96, units: 'kilometers' }),
    { type: 'Feature', properties: { marker: true }, geometry: { type: 'Point', coordinates: [place.lng, place.lat] } },
  ] }
}

/** The area and its outline lie under the institutions; the marker above them (CONTENT_LAYERS decides). */
export function placeLayers(): ContentLayer[] {
  return [
    { id: 'place-area', type: 'fill', source: PLACE_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#0ea5e9', 'fill-opacity': 0.12 } },
    { id: 'place-outline', type: 'line', source: PLACE_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': '#0369a1', 'line-width': 2 } },
    {
      id: 'place-marker', type: 'circle', source: PLACE_SOURCE, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 7, 'circle-color': '#0369a1', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    },
  ]
}
