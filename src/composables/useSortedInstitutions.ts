import { computed, type Ref } from 'vue'
import { sortInstitutions, type SortedInstitution } from '../lib/sort-institutions'
import { useDataStore } from '../stores/data'
import { useFiltersStore } from '../stores/filters'
import { useLocationStore } from '../stores/location'
import { usePreferencesStore } from '../stores/preferences'
import { useViewStore } from '../stores/view'

/** City center (杨舍), the origin when neither my place nor the map camera is known. */
const CITY_CENTRE: [number, number] = [120.555, 31.875]

/** The list's institutions: matching the filters (and optional inside-circle / favourites), sorted. */
export function useSortedInstitutions(onlyFavourites: Ref<boolean>) {
  const data = useDataStore()
  const filters = useFiltersStore()
  const location = useLocationStore()
  const preferences = usePreferencesStore()
  const view = useViewStore()

  const origin = computed<{ point: [number, number]; fromPlace: boolean }>(() => {
    if (location.place) return { point: [location.place.lng, location.place.lat], fromPlace: true }
    return { point: view.mapView?.center ?? CITY_CENTRE, fromPlace: false }
  })

  const items = computed<SortedInstitution[]>(() => {
    let keep = new Set(filters.matchingIds)
    if (location.place && location.onlyInside) keep = new Set(location.insideIds)
    if (onlyFavourites.value) keep = new Set(preferences.favourites.filter((id) => keep.has(id)))
    const placed = (data.institutions?.features ?? [])
      .filter((feature) => keep.has(feature.properties.id))
      .map((feature) => ({ properties: feature.properties, coordinates: feature.geometry.coordinates as [number, number] }))
    return sortInstitutions(placed, view.sortBy, origin.value.point)
  })

  return { items, origin }
}
