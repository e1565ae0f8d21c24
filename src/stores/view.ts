import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SortKey } from '../lib/sort-institutions'

export type AppView = 'map' | 'list' | 'planner'
/** The phone's results sheet over the map: a peek (count and nearest), half (about three cards) or full (the list). */
export type ResultsSheetHeight = 'peek' | 'half' | 'full'

export interface MapViewState {
  center: [number, number]
  zoom: number
}

/** Which view is shown and where the map looks. */
export const useViewStore = defineStore('view', () => {
  /** The requested view. */
  const view = ref<AppView>('map')
  /** Last map camera (set by the map on moveend, or by a deep link for the map to fly to). */
  const mapView = ref<MapViewState | null>(null)
  /** false once the map finds no WebGL: the list is shown instead. */
  const webglAvailable = ref(true)
  /** The side-by-side comparison is shown in place of the map or list. */
  const compareOpen = ref(false)
  /** Height of the phone's results sheet; near me opens it at half. */
  const resultsSheet = ref<ResultsSheetHeight>('peek')
  /** Order of the list. */
  const sortBy = ref<SortKey>('distance')
  /** The view actually shown: without WebGL there is no map. */
  // Without WebGL the map view falls back to the list; the planner's tables and exports work without a map.
  const shownView = computed<AppView>(() => (!webglAvailable.value && view.value === 'map' ? 'list' : view.value))

  function setView(next: AppView) { view.value = next }
  function setMapView(next: MapViewState | null) {
    mapView.value = next ? { center: [next.center[0], next.center[1]], zoom: next.zoom } : null
  }
  function setWebglAvailable(available: boolean) { webglAvailable.value = available }
  function setSortBy(next: SortKey) { sortBy.value = next }
  function setCompareOpen(open: boolean) { compareOpen.value = open }
  function setResultsSheet(height: ResultsSheetHeight) { resultsSheet.value = height }

  return {
    view, mapView, webglAvailable, sortBy, compareOpen, shownView, resultsSheet,
    setView, setMapView, setWebglAvailable, setSortBy, setCompareOpen, setResultsSheet,
  }
})
