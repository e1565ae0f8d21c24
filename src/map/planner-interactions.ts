import type { Map as MapLibreMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl'

export interface PlannerHandlers {
  /** true while a tap should place a hypothetical site. */
  isPlacing: () => boolean
  onPlace: (lngLat: { lng: number; lat: number }) => void
  /** The hypothetical sites now (plain positions). */
  sites: () => readonly { id: string; lng: number; lat: number }[]
  /** A hypothetical site is being dragged (every frame), and where it was let go. */
  onDrag: (id: string, lngLat: { lng: number; lat: number }) => void
}

/** A crosshair while the next tap places a site. */
export function setPlacingCursor(map: MapLibreMap, placing: boolean) {
  map.getCanvas().style.cursor = placing ? 'crosshair' : ''
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
