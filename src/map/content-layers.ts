import type { LayerSpecification } from 'maplibre-gl'

/**
 * Every layer the app draws over the basemap, bottom to top: the one place z-order is decided (placemark's
 * CONTENT_LAYERS). A layer added later goes below the next one of these the map already has.
 */
export const CONTENT_LAYERS = [
  // The Yangtze, land, planning areas, community names.
  'water-fill', 'water-label', 'boundary-fill', 'zones-line', 'boundary-line', 'communities-dot', 'communities-label', 'zones-label',
  // Areas: the parents' 15-minute circle, then the planner's coverage and communities.
  'place-area', 'place-outline',
  'planner-coverage-fill', 'planner-circles-line', 'planner-communities-desert', 'planner-communities-uncovered',
  // Institutions: clusters below zoom 12, single points above, the selection ring.
  'clusters', 'clusters-count', 'cluster-singles', 'cluster-singles-puhui-mark',
  'institutions-point', 'institutions-puhui-mark', 'institutions-name', 'institutions-selected',
  // Markers on top: the parents' place, then the planner's hypothetical sites (they must stay grabbable).
  'place-marker', 'planner-sites-point', 'planner-sites-label',
] as const

export type ContentLayerId = (typeof CONTENT_LAYERS)[number]

/** A layer specification whose id is one of CONTENT_LAYERS (the compiler rejects a layer left out of the order). */
export type ContentLayer = LayerSpecification & { id: ContentLayerId }

const ORDER = new Map<string, number>(CONTENT_LAYERS.map((id, index) => [id, index]))

/** The layer to insert `id` before: the next layer of CONTENT_LAYERS that `has` reports present; undefined = on top. */
export function beforeIdOf(id: ContentLayerId, has: (id: ContentLayerId) => boolean): ContentLayerId | undefined {
  const index = ORDER.get(id) ?? CONTENT_LAYERS.length
  return CONTENT_LAYERS.slice(index + 1).find(has)
}
