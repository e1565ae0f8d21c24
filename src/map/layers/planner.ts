import { FONT } from '../base-style'
import type { ContentLayer } from '../content-layers'

/** Sources of the planners' layers; none of them ever holds registry data. */
export const PLANNER_SOURCES = { coverage: 'planner-coverage', circles: 'planner-circles', communities: 'planner-communities', sites: 'planner-sites' } as const
type PlannerSource = keyof typeof PLANNER_SOURCES
const HYPOTHETICAL_COLOR = '#6d28d9'

/** The planner's layers of one source, shown only in the planner view. */
export function plannerLayers(source: PlannerSource, visible: boolean): ContentLayer[] {
  const layout = { visibility: visible ? 'visible' as const : 'none' as const }
  const id = PLANNER_SOURCES[source]
  switch (source) {
    case 'coverage':
      return [{ id: 'planner-coverage-fill', type: 'fill', source: id, layout, paint: { 'fill-color': '#16a34a', 'fill-opacity': 0.22, 'fill-antialias': false } }]
    case 'circles':
      return [{ id: 'planner-circles-line', type: 'line', source: id, layout, paint: { 'line-color': HYPOTHETICAL_COLOR, 'line-width': 2, 'line-dasharray': [2, 2] } }]
    case 'communities':
      return [
        {
          id: 'planner-communities-desert', type: 'circle', source: id, layout, filter: ['==', ['get', 'desert'], true],
          // Rings grow with the zoom: at city zoom on a phone, full-size rings for every desert would merge into noise.
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 12, 6, 14, 8],
            'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ea580c',
            'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 13, 2.5],
          },
        },
        {
          id: 'planner-communities-uncovered', type: 'circle', source: id, layout, filter: ['==', ['get', 'uncovered'], true],
          paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 13, 4.5], 'circle-color': '#dc2626', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
        },
      ]
    case 'sites':
      // Hypothetical sites as labelled hollow purple discs.
      return [
        { id: 'planner-sites-point', type: 'circle', source: id, layout, paint: { 'circle-radius': 11, 'circle-color': '#ffffff', 'circle-stroke-color': HYPOTHETICAL_COLOR, 'circle-stroke-width': 5 } },
        {
          id: 'planner-sites-label', type: 'symbol', source: id,
          layout: { ...layout, 'text-font': FONT, 'text-field': ['get', 'label'], 'text-size': 13, 'text-offset': [0, 1.3], 'text-anchor': 'top', 'text-allow-overlap': true },
          paint: { 'text-color': HYPOTHETICAL_COLOR, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
        },
      ]
  }
}
