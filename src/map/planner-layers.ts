import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl'
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson'
import { FONT } from './base-style'

/** Sources of the planners' layers; none of them ever holds registry data. */
const SOURCE = { coverage: 'planner-coverage', circles: 'planner-circles', communities: 'planner-communities', sites: 'planner-sites' } as const
const SITE_LAYER = 'planner-sites-point'
const PLANNER_LAYERS = [
  'planner-coverage-fill', 'planner-circles-line', 'planner-communities-uncovered', 'planner-communities-desert',
  SITE_LAYER, 'planner-sites-label',
]
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }
const HYPOTHETICAL_COLOR = '#6d28d9'

export interface PlannerHandlers {
  /** true while a tap should place a hypothetical site. */
  isPlacing: () => boolean
  onPlace: (lngLat: { lng: number; lat: number }) => void
  /** The hypothetical sites now (plain positions). */
  sites: () => readonly { id: string; lng: number; lat: number }[]
  /** A hypothetical site is being dragged (every frame), and where it was let go. */
  onDrag: (id: string, lngLat: { lng: number; lat: number }) => void
}

/**
 * Adds the planner's sources and layers below the institutions (idempotent): the covered area, the hypothetical
 * sites' circles (dashed), uncovered and desert communities, and the hypothetical sites as labelled hollow purple discs.
 */
export function addCoverageLayers(map: MapLibreMap) {
  if (map.getSource(SOURCE.coverage)) return
  for (const id of Object.values(SOURCE)) map.addSource(id, { type: 'geojson', data: EMPTY })
  const below = map.getLayer('clusters') ? 'clusters' : undefined
  map.addLayer({ id: 'planner-coverage-fill', type: 'fill', source: SOURCE.coverage, paint: { 'fill-color': '#16a34a', 'fill-opacity': 0.22, 'fill-antialias': false } }, below)
  map.addLayer({ id: 'planner-circles-line', type: 'line', source: SOURCE.circles, paint: { 'line-color': HYPOTHETICAL_COLOR, 'line-width': 2, 'line-dasharray': [2, 2] } }, below)
  map.addLayer({
    id: 'planner-communities-desert', type: 'circle', source: SOURCE.communities, filter: ['==', ['get', 'desert'], true],
    // Rings grow with the zoom: at city zoom on a phone, full-size rings for every desert would merge into noise.
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 12, 6, 14, 8],
      'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ea580c',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 13, 2.5],
    },
  }, below)
  map.addLayer({
    id: 'planner-communities-uncovered', type: 'circle', source: SOURCE.communities, filter: ['==', ['get', 'uncovered'], true],
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 13, 4.5],
      'circle-color': '#dc2626', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1,
    },
  }, below)
  // On top of everything: hypothetical sites must stay grabbable.
  map.addLayer({
    id: SITE_LAYER, type: 'circle', source: SOURCE.sites,
    paint: { 'circle-radius': 11, 'circle-color': '#ffffff', 'circle-stroke-color': HYPOTHETICAL_COLOR, 'circle-stroke-width': 5 },
  })
  map.addLayer({
    id: 'planner-sites-label', type: 'symbol', source: SOURCE.sites,
    layout: { 'text-font': FONT, 'text-field': ['get', 'label'], 'text-size': 13, 'text-offset': [0, 1.3], 'text-anchor': 'top', 'text-allow-overlap': true },
    paint: { 'text-color': HYPOTHETICAL_COLOR, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  })
}

function setData(map: MapLibreMap, id: string, data: FeatureCollection | Feature) {
  void map.getSource<GeoJSONSource>(id)?.setData(data)
}

/** The covered area and the community points (properties uncovered / desert); undefined leaves one as it is. */
export function setCoverage(map: MapLibreMap, coverage: Feature<MultiPolygon> | null | undefined, communities?: FeatureCollection) {
  if (coverage !== undefined) setData(map, SOURCE.coverage, coverage ?? EMPTY)
  if (communities) setData(map, SOURCE.communities, communities)
}

/** Hypothetical sites (Point features with id and label) and their circles. */
export function setHypotheticalSites(map: MapLibreMap, sites: FeatureCollection, circles: FeatureCollection) {
  setData(map, SOURCE.sites, sites)
  setData(map, SOURCE.circles, circles)
}

/** A crosshair while the next tap places a site. */
export function setPlacingCursor(map: MapLibreMap, placing: boolean) {
  map.getCanvas().style.cursor = placing ? 'crosshair' : ''
}

/** Shows the planner's layers only in the planner view. */
export function setPlannerVisible(map: MapLibreMap, visible: boolean) {
  for (const layer of PLANNER_LAYERS) if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none')
}

/** How near (px) a press must be to a hypothetical site to grab it: a fingertip, not a pixel. */
const GRAB_PIXELS = 22

/**
 * Tap to place and drag to move (mouse and one finger), after MapLibre's "drag a point" example: a press near a
 * site stops the map panning until release. Sites are found by projecting their positions, so a site can be
 * grabbed as soon as it exists, before its layer has drawn. Returns a function that unhooks everything.
 */
export function bindPlannerInteractions(map: MapLibreMap, handlers: PlannerHandlers): () => void {
  const container = map.getCanvasContainer()
  let dragging: string | null = null
  const siteAt = (point: { x: number; y: number }): string | null => {
    let best: string | null = null
    let bestDistance = GRAB_PIXELS
    for (const site of handlers.sites()) {
      const projected = map.project([site.lng, site.lat])
      const distance = Math.hypot(projected.x - point.x, projected.y - point.y)
      if (distance <= bestDistance) { best = site.id; bestDistance = distance }
    }
    return best
  }
  const move = (event: MapMouseEvent | MapTouchEvent) => {
    if (!dragging) return
    handlers.onDrag(dragging, { lng: event.lngLat.lng, lat: event.lngLat.lat })
  }
  const stop = (event: MapMouseEvent | MapTouchEvent) => {
    if (!dragging) return
    handlers.onDrag(dragging, { lng: event.lngLat.lng, lat: event.lngLat.lat })
    dragging = null
    container.style.cursor = ''
    map.off('mousemove', move)
    map.off('touchmove', move)
  }
  const start = (event: MapMouseEvent | MapTouchEvent) => {
    if ('points' in event && event.points.length !== 1) return
    const id = siteAt(event.point)
    if (!id) return
    event.preventDefault()
    dragging = id
    container.style.cursor = 'grabbing'
    const touch = event.type === 'touchstart'
    map.on(touch ? 'touchmove' : 'mousemove', move)
    map.once(touch ? 'touchend' : 'mouseup', stop)
  }
  const click = (event: MapMouseEvent) => {
    if (handlers.isPlacing()) handlers.onPlace({ lng: event.lngLat.lng, lat: event.lngLat.lat })
  }
  map.on('mousedown', start)
  map.on('touchstart', start)
  map.on('click', click)
  return () => {
    map.off('mousedown', start)
    map.off('touchstart', start)
    map.off('click', click)
    map.off('mousemove', move)
    map.off('touchmove', move)
  }
}
