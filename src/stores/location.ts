import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { distanceMeters } from '../lib/distance-meters'
import { useDataStore } from './data'
import { useFiltersStore } from './filters'

export interface Place {
  lng: number
  lat: number
  source: 'gps' | 'map' | 'town' | 'host'
}

export type LocateStatus = 'idle' | 'locating' | 'granted' | 'denied' | 'timeout' | 'unavailable'

/** GB 50180's 15-minute life circle, walked: 1,000 m. */
export const FIFTEEN_MINUTE_WALK_METERS = 1000
const LOCATE_TIMEOUT_MS = 15_000

/** "My place": where the 15-minute circle is drawn. The position stays on this device. */
export const useLocationStore = defineStore('location', () => {
  const data = useDataStore()
  const filters = useFiltersStore()
  /** The chosen place (WGS84) and how it was chosen; null when none. */
  const place = ref<Place | null>(null)
  const radiusMeters = ref(FIFTEEN_MINUTE_WALK_METERS)
  /** Result of the last geolocation request. */
  const status = ref<LocateStatus>('idle')
  /** true: the next map tap sets the place. */
  const pickingOnMap = ref(false)
  /** The list shows only institutions inside the circle. */
  const onlyInside = ref(false)

  /** Ids of institutions matching the current filters that lie within radiusMeters of the place. */
  const insideIds = computed<string[]>(() => {
    const current = place.value
    if (!current) return []
    const matching = new Set(filters.matchingIds)
    return (data.institutions?.features ?? [])
      .filter((feature) => matching.has(feature.properties.id)
        && distanceMeters([current.lng, current.lat], feature.geometry.coordinates as [number, number]) <= radiusMeters.value)
      .map((feature) => feature.properties.id)
  })
  const insideCount = computed(() => insideIds.value.length)

  function setPlace(next: Place | null) {
    place.value = next ? { lng: next.lng, lat: next.lat, source: next.source } : null
    // A place chosen another way replaces the failed location attempt.
    if (next && next.source !== 'gps' && status.value !== 'locating') status.value = 'idle'
    pickingOnMap.value = false
    onlyInside.value = next !== null
  }
  function setPickingOnMap(picking: boolean) { pickingOnMap.value = picking }
  function setOnlyInside(only: boolean) { onlyInside.value = only }

  /** Asks the browser for the position; only ever called from a button press. */
  function locate(): Promise<void> {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
      status.value = 'unavailable'
      return Promise.resolve()
    }
    status.value = 'locating'
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          status.value = 'granted'
          setPlace({ lng: position.coords.longitude, lat: position.coords.latitude, source: 'gps' })
          resolve()
        },
        (error) => {
          status.value = error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable'
          resolve()
        },
        { enableHighAccuracy: true, timeout: LOCATE_TIMEOUT_MS, maximumAge: 60_000 },
      )
    })
  }

  return { place, radiusMeters, status, pickingOnMap, onlyInside, insideIds, insideCount, setPlace, setPickingOnMap, setOnlyInside, locate }
})
