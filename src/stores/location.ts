import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { distanceMeters } from '../lib/distance-meters'
import { readRememberedPlace, writeRememberedPlace, type StoredPlace } from '../storage/stored-values'
import { useDataStore } from './data'
import { useFiltersStore } from './filters'

/** "My place" (WGS84), how it was chosen and, for a town or 村/社区, its name. */
export type Place = StoredPlace

export type LocateStatus = 'idle' | 'locating' | 'granted' | 'denied' | 'timeout' | 'unavailable'

/** A camera request the map honours once: fit these WGS84 bounds [west, south, east, north]. */
export interface FitRequest {
  bounds: [number, number, number, number]
  /** Raised with each request, so the same bounds asked twice still move the map. */
  serial: number
}

/** GB 50180's 15-minute life circle, walked: 1,000 m. */
export const FIFTEEN_MINUTE_WALK_METERS = 1000
const LOCATE_TIMEOUT_MS = 15_000
const APPROXIMATE_SOURCES: ReadonlySet<Place['source']> = new Set(['map', 'town', 'community'])

/** "My place": the one origin of every distance. The position stays on this device; it is stored only when asked. */
export const useLocationStore = defineStore('location', () => {
  const data = useDataStore()
  const filters = useFiltersStore()
  const remembered = readRememberedPlace()
  /** The chosen place and how it was chosen; null when none. */
  const place = ref<Place | null>(remembered)
  /** 记住我的位置: the place is kept across visits (localStorage) only while this is true. */
  const remember = ref(remembered !== null)
  const radiusMeters = ref(FIFTEEN_MINUTE_WALK_METERS)
  /** Result of the last geolocation request. */
  const status = ref<LocateStatus>('idle')
  /** true: the next map tap sets the place. */
  const pickingOnMap = ref(false)
  /** The list shows only institutions inside the circle (the user's choice; never ticked for them). */
  const onlyInside = ref(false)
  /** The last camera request for the map (near me fits the circle and the nearest results). */
  const fitRequest = ref<FitRequest | null>(null)
  /** A town, a 村/社区 or a tap on the map is only roughly where the user is. */
  const approximate = computed(() => place.value !== null && APPROXIMATE_SOURCES.has(place.value.source))

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
    place.value = next ? { lng: next.lng, lat: next.lat, source: next.source, ...(next.label ? { label: next.label } : {}) } : null
    // A place chosen another way replaces the failed location attempt.
    if (next && next.source !== 'gps' && status.value !== 'locating') status.value = 'idle'
    pickingOnMap.value = false
    if (!next) onlyInside.value = false
    if (remember.value) writeRememberedPlace(place.value)
  }
  function setRemember(next: boolean) {
    remember.value = next
    writeRememberedPlace(next ? place.value : null)
  }
  function setPickingOnMap(picking: boolean) { pickingOnMap.value = picking }
  function setOnlyInside(only: boolean) { onlyInside.value = only }
  function requestFit(bounds: [number, number, number, number]) {
    fitRequest.value = { bounds: [...bounds], serial: (fitRequest.value?.serial ?? 0) + 1 }
  }

  /** Asks the browser for the position; only ever called from a button press. Resolves true when a place was set. */
  function locate(): Promise<boolean> {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
      status.value = 'unavailable'
      return Promise.resolve(false)
    }
    status.value = 'locating'
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          status.value = 'granted'
          setPlace({ lng: position.coords.longitude, lat: position.coords.latitude, source: 'gps' })
          resolve(true)
        },
        (error) => {
          status.value = error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable'
          resolve(false)
        },
        { enableHighAccuracy: true, timeout: LOCATE_TIMEOUT_MS, maximumAge: 60_000 },
      )
    })
  }

  return {
    place, remember, radiusMeters, status, pickingOnMap, onlyInside, fitRequest, approximate, insideIds, insideCount,
    setPlace, setRemember, setPickingOnMap, setOnlyInside, requestFit, locate,
  }
})
