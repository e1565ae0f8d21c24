import { computed, ref, watch } from 'vue'
import type { DeepLinkState } from '../lib/deep-link/deep-link-state'
import { parseDeepLink } from '../lib/deep-link/parse-deep-link'
import { serializeDeepLink } from '../lib/deep-link/serialize-deep-link'
import { useDataStore } from '../stores/data'
import { useFiltersStore } from '../stores/filters'
import { useLocationStore } from '../stores/location'
import { usePreferencesStore } from '../stores/preferences'
import { useSelectionStore } from '../stores/selection'
import { useViewStore } from '../stores/view'

/** Restores the stores from the URL once, then keeps the URL in step with history.replaceState. */
export function useDeepLinkSync() {
  const data = useDataStore()
  const filters = useFiltersStore()
  const preferences = usePreferencesStore()
  const selection = useSelectionStore()
  const view = useViewStore()
  const location = useLocationStore()

  const initial = parseDeepLink(window.location.search)
  // Embed mode must survive a reload inside the host, so `embed` stays in the URL as it came.
  const embedParam = new URLSearchParams(window.location.search).get('embed')
  filters.apply(initial)
  if (initial.view) view.setView(initial.view)
  if (initial.lang) preferences.setLocale(initial.lang)
  if (initial.elder !== undefined) preferences.setElder(initial.elder)
  if (initial.lng !== undefined && initial.lat !== undefined && initial.z !== undefined) {
    view.setMapView({ center: [initial.lng, initial.lat], zoom: initial.z })
  }

  // The id waits for the data; an id that is not in the data is dropped.
  let pendingId = initial.id ?? null
  watch(() => data.institutions, (collection) => {
    if (!collection || pendingId === null) return
    if (collection.features.some((feature) => feature.properties.id === pendingId)) selection.select(pendingId)
    pendingId = null
  }, { immediate: true })

  const placeSeen = ref(location.place !== null)
  watch(() => location.place, (place) => { if (place) placeSeen.value = true })

  const query = computed(() => {
    const state: Partial<DeepLinkState> = {
      ...filters.filters, id: selection.selectedId ?? pendingId ?? undefined,
      view: view.view, lang: preferences.locale, elder: preferences.elder,
    }
    // Once my place has been set the camera may sit on the user's home (even after the place is cleared): the URL,
    // shared and kept in history, must never say where that is.
    if (view.mapView && !placeSeen.value) Object.assign(state, { lng: view.mapView.center[0], lat: view.mapView.center[1], z: view.mapView.zoom })
    return serializeDeepLink(state)
  })
  watch(query, (state) => {
    const search = embedParam === null ? state : [`embed=${encodeURIComponent(embedParam)}`, state].filter(Boolean).join('&')
    const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`
    window.history.replaceState(window.history.state, '', url)
  }, { immediate: true })
}
