import { computed, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FeatureCollection, Point } from 'geojson'
import { coverageCircles } from '../lib/coverage'
import type { MapController } from '../map/map-controller'
import {
  addCoverageLayers, bindPlannerInteractions, setCoverage, setHypotheticalSites, setPlacingCursor, setPlannerVisible,
} from '../map/planner-layers'
import { usePlannerStore } from '../stores/planner'
import { useViewStore } from '../stores/view'

const AREA_INTERVAL_MS = 150

/** Draws the planner's coverage and what-if sites on the shared map and feeds its taps and drags to the store. */
export function usePlannerMap(getController: () => MapController | undefined, generation: Ref<number>) {
  const planner = usePlannerStore()
  const view = useViewStore()
  const { t } = useI18n()
  const active = computed(() => view.shownView === 'planner')

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

  /** The generation whose map has the planner's layers: they are added the first time the planner view is active. */
  let ready = -1
  let unbind: (() => void) | null = null
  const withMap = (apply: Parameters<MapController['withMap']>[0]) => {
    if (ready === generation.value) getController()?.withMap(apply)
  }
  const setUp = () => {
    if (!active.value || ready === generation.value) return
    const controller = getController()
    if (!controller) return
    ready = generation.value
    unbind?.()
    unbind = null
    controller.withMap((map) => {
      addCoverageLayers(map)
      unbind = bindPlannerInteractions(map, {
        isPlacing: () => planner.placing && active.value,
        onPlace: ({ lng, lat }) => planner.addSite(lng, lat),
        sites: () => planner.hypothetical,
        onDrag: (id, { lng, lat }) => planner.moveSite(id, lng, lat),
      })
      setPlannerVisible(map, active.value)
      setCoverage(map, planner.snapshot?.coverage ?? null, communityPoints.value)
      setHypotheticalSites(map, sitePoints.value, siteCircles.value)
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
      withMap((map) => setCoverage(map, planner.snapshot?.coverage ?? null))
    }, Math.max(0, AREA_INTERVAL_MS - (performance.now() - areaPushed)))
  })
  watch(communityPoints, (points) => withMap((map) => setCoverage(map, undefined, points)))
  watch([sitePoints, siteCircles], ([points, circles]) => withMap((map) => setHypotheticalSites(map, points, circles)))
  watch(active, (visible) => withMap((map) => setPlannerVisible(map, visible)))
  watch([() => planner.placing && active.value, generation], ([placing]) => {
    getController()?.setSelectable(!placing)
    withMap((map) => setPlacingCursor(map, placing))
  })
}
