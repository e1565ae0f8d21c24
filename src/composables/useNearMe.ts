import { watch } from 'vue'
import { answerBounds } from '../lib/answer-bounds'
import { distanceMeters } from '../lib/distance-meters'
import { isEmbedMode, notifyHost } from '../embed'
import { useDataStore } from '../stores/data'
import { useFiltersStore } from '../stores/filters'
import { useLocationStore } from '../stores/location'
import { useViewStore } from '../stores/view'

/** How many of the nearest results the camera fits besides the circle. */
const NEAREST_IN_VIEW = 3
/** A host that does not answer requestLocation within this time is not going to: the browser is asked instead. */
const HOST_ANSWER_MS = 4000

/** Near me: take the position (host first inside a host app, else GPS), then show the answer. */
export function useNearMe() {
  const data = useDataStore()
  const filters = useFiltersStore()
  const location = useLocationStore()
  const view = useViewStore()

  /** Resolves true once the host has answered with setLocation, false after HOST_ANSWER_MS. */
  function waitForHost(): Promise<boolean> {
    return new Promise((resolve) => {
      const stop = watch(() => location.place, (place) => {
        if (place?.source !== 'host') return
        clearTimeout(timer)
        stop()
        resolve(true)
      })
      const timer = setTimeout(() => { stop(); resolve(false) }, HOST_ANSWER_MS)
    })
  }

  async function takePosition(): Promise<boolean> {
    // The host's lng/lat (or an earlier setLocation) is the position: the browser is never asked.
    if (location.place?.source === 'host') return true
    if (isEmbedMode() && notifyHost({ type: 'zjg-childcare/requestLocation' }) && await waitForHost()) return true
    return location.locate()
  }

  /** The map fits the circle and the nearest matching results, the list sorts by distance, the sheet opens at half. */
  function showAnswer() {
    const place = location.place
    if (!place) return
    view.setSortBy('distance')
    view.setResultsSheet('half')
    const origin: [number, number] = [place.lng, place.lat]
    const matching = new Set(filters.matchingIds)
    const nearest = (data.institutions?.features ?? [])
      .filter((feature) => matching.has(feature.properties.id))
      .map((feature) => feature.geometry.coordinates as [number, number])
      .map((point) => ({ point, meters: distanceMeters(origin, point) }))
      .sort((a, b) => a.meters - b.meters)
      .slice(0, NEAREST_IN_VIEW)
      .map((entry) => entry.point)
    location.requestFit(answerBounds(origin, location.radiusMeters, nearest))
    if (view.view === 'planner') view.setView('map')
  }

  /** No position: the sheet rises to half so that the ways to say where one is (town, 村/社区, a tap) are in view. */
  async function nearMe() {
    if (await takePosition()) showAnswer()
    else if (!location.place && view.resultsSheet === 'peek') view.setResultsSheet('half')
  }

  return { nearMe, showAnswer }
}
