import { computed, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FeatureCollection, Point } from 'geojson'
import { coverageCircles } from '../lib/coverage'
import type { MapController } from '../map/map-controller'
import { bindPlannerInteractions, setPlacingCursor } from '../map/planner-interactions'
import { PlannerLayers } from '../map/planner-layers'
import { usePlannerStore } from '../stores/planner'
import { useViewStore } from '../stores/view'
import { useDataStore } from '../stores/data'

const AREA_INTERVAL_MS = 150

/** 你的数据's registry or towns while the planner is shown (null otherwise): the map then draws what the engine counts. */
function ownData<T>(active: Ref<boolean>, inUse: () => T | null, shipped: () => T | null) {
  return computed(() => {
    const value = inUse()
    return active.value && value && value !== shipped() ? value : null
  })
}

/**
 * Draws the planner's coverage and what-if sites on the shared map and feeds its taps and drags to the store; says which
 * institutions and towns the map should draw in the planner (`ownInstitutions`, `ownZones`: 你的数据's, or null for the shipped ones).
 */
export function usePlannerMap(getController: () => MapController | undefined, generation: Ref<number>) {
  const planner = usePlannerStore()
  const view = useViewStore()
  const { t } = useI18n()
  const data = useDataStore()
  const active = computed(() => view.shownView === 'planner')
  const ownInstitutions = ownData(active, () => planner.institutionsInUse, () => data.institutions)
  const ownZones = ownData(active, () => planner.zonesInUse, () => data.zones)
  const communityPoints = computed<FeatureCollection<Point>>(() => {
    const snapshot = planner.snapshot
    const collection = planner.communities
    if (!snapshot || !collection) return { type: 'FeatureCollection', features: [] }
    const uncovered = new Set(snapshot.uncovered.map((community) => community.id))
    return {
      type: 'FeatureCollection',
      features: collection.features
        .map((feature, index) => ({ feature, uncovered: uncovered.has(feature.properties.id), desert: snapshot.deserts[index] ?? false }))
        .filter((entry) => entry.uncovered || entry.desert)
        .map(({ feature, uncovered: isUncovered, desert }) => ({
          type: 'Feature', geometry: feature.geometry,
          properties: { id: feature.properties.id, name: feature.properties.name, uncovered: isUncovered, desert },
        })),
    }
  })
  const sitePoints = computed<FeatureCollection<Point>>(() => ({
    type: 'FeatureCollection',
    features: planner.hypothetical.map((site) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [site.lng, site.lat] },
      properties: { id: site.id, label: t('planner.siteLabel', { n: site.number }), hypothetical: true },
    })),
  }))
  const siteCircles = computed(() => coverageCircles(planner.hypothetical, planner.radiusMeters))

  /** The planner's layers on the current map: added the first time the planner view is active on each map. */
  let layers: PlannerLayers | null = null
  let layersGeneration = -1
  let unbind: (() => void) | null = null
  const current = () => (layersGeneration === generation.value ? layers : null)
  const setUp = () => {
    if (!active.value || layersGeneration === generation.value) return
    const controller = getController()
    if (!controller) return
    layersGeneration = generation.value
    unbind?.()
    unbind = null
    layers = new PlannerLayers(active.value)
    layers.setCoverage(planner.snapshot?.coverage ?? null, communityPoints.value)
    layers.setHypotheticalSites(sitePoints.value, siteCircles.value)
    controller.addSources(layers.sources)
    controller.withMap((map) => {
      unbind = bindPlannerInteractions(map, {
        isPlacing: () => planner.placing && active.value,
        onPlace: ({ lng, lat }) => planner.addSite(lng, lat),
        sites: () => planner.hypothetical,
        onDrag: (id, { lng, lat }) => planner.moveSite(id, lng, lat),
      })
    })
  }
  watch([generation, active], setUp, { immediate: true })
  // The covered area is a large polygon: re-tiling it on every drag frame would slow the map, so at most every 150 ms.
  let areaTimer: ReturnType<typeof setTimeout> | null = null
  let areaPushed = 0
  watch(() => planner.snapshot?.coverage, () => {
    if (areaTimer) return
    areaTimer = setTimeout(() => {
      areaTimer = null
      areaPushed = performance.now()
      current()?.setCoverage(planner.snapshot?.coverage ?? null)
    }, Math.max(0, AREA_INTERVAL_MS - (performance.now() - areaPushed)))
  })
  watch(communityPoints, (points) => current()?.setCoverage(undefined, points))
  watch([sitePoints, siteCircles], ([points, circles]) => current()?.setHypotheticalSites(points, circles))
  watch(active, (visible) => current()?.setVisible(visible))
  watch([() => planner.placing && active.value, generation], ([placing]) => {
    const controller = getController()
    controller?.setSelectable(!placing)
    if (current()) controller?.withMap((map) => setPlacingCursor(map, placing))
  })
  return { ownInstitutions, ownZones }
}
