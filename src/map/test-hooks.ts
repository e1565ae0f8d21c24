import type { Map as MapLibreMap } from 'maplibre-gl'
import type { MapController } from './map-controller'
import { institutionFeatureLayers } from './layers/institutions'

/**
 * Institutions drawn in the current view: each cluster counts its points, each single point one. A full query costs
 * ~50 ms at 10k features, which is why only test builds run it.
 */
function renderedInstitutionCount(map: MapLibreMap): number {
  const clusters = new Map<number, number>()
  const points = new Set<string>()
  for (const feature of map.queryRenderedFeatures({ layers: institutionFeatureLayers(map) })) {
    if (feature.properties.cluster) clusters.set(feature.properties.cluster_id as number, feature.properties.point_count as number)
    else points.add(feature.properties.id as string)
  }
  let total = points.size
  for (const count of clusters.values()) total += count
  return total
}

/** Town names drawn in the current view, as `approximate/all`: an approximate outline's name carries 示意. */
function renderedZoneLabels(map: MapLibreMap): string {
  if (!map.getLayer('zones-label')) return '0/0'
  const names = new Map<string, boolean>()
  for (const feature of map.queryRenderedFeatures({ layers: ['zones-label'] })) names.set(String(feature.properties.id), feature.properties.approximate === true)
  return `${[...names.values()].filter(Boolean).length}/${names.size}`
}

/** `west,south,east,north` of the visible area. */
function visibleBounds(map: MapLibreMap): string {
  const bounds = map.getBounds()
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map((value) => value.toFixed(6)).join(',')
}

/**
 * Test builds only (`VITE_TEST_HOOKS=1`; callers guard with it so other builds drop this module): after each idle,
 * the map region carries the drawn institution count (`data-rendered-institutions`), the town names drawn
 * (`data-zone-labels`, approximate/all) and the visible bounds (`data-view-bounds`) and centre (`data-view-center`),
 * which the real-browser tests and scripts/bench-map.ts compare with the data.
 */
export function installTestHooks(controller: MapController, element: HTMLElement) {
  element.dataset.renderedInstitutions = '0'
  element.dataset.zoneLabels = '0/0'
  element.dataset.viewBounds = ''
  element.dataset.viewCenter = ''
  controller.withMap((map) => {
    map.on('idle', () => {
      element.dataset.renderedInstitutions = String(renderedInstitutionCount(map))
      element.dataset.zoneLabels = renderedZoneLabels(map)
      element.dataset.viewBounds = visibleBounds(map)
      // The camera's centre: with padding (a sheet over the map) the centre of the part left visible.
      element.dataset.viewCenter = map.getCenter().toArray().map((value) => value.toFixed(6)).join(',')
    })
  })
}
