import { computed, type Ref } from 'vue'
import { sortInstitutions, type SortKey, type SortedInstitution } from '../lib/sort-institutions'
import { useDataStore } from '../stores/data'
import { useFiltersStore } from '../stores/filters'
import { useLocationStore } from '../stores/location'
import { usePreferencesStore } from '../stores/preferences'
import { useViewStore } from '../stores/view'

/** Ties are broken by distance from the city centre (杨舍) when there is no place: an order, never a shown distance. */
const CITY_CENTRE: [number, number] = [120.555, 31.875]

/**
 * The list's institutions: matching the filters (and optional inside-circle / favourites), sorted. Distances are
 * from my place only (`hasDistance`); without one the list has no distance order and shows no distances.
 */
export function useSortedInstitutions(onlyFavourites: Ref<boolean>) {
  const data = useDataStore()
  const filters = useFiltersStore()
  const location = useLocationStore()
  const preferences = usePreferencesStore()
  const view = useViewStore()

  const hasDistance = computed(() => location.place !== null)
  const sortBy = computed<SortKey>(() => (view.sortBy === 'distance' && !hasDistance.value ? 'vacancies' : view.sortBy))

  const items = computed<SortedInstitution[]>(() => {
    let keep = new Set(filters.matchingIds)
    if (location.place && location.onlyInside) keep = new Set(location.insideIds)
    if (onlyFavourites.value) keep = new Set(preferences.favourites.filter((id) => keep.has(id)))
    const placed = (data.institutions?.features ?? [])
      .filter((feature) => keep.has(feature.properties.id))
      .map((feature) => ({ properties: feature.properties, coordinates: feature.geometry.coordinates as [number, number] }))
    const origin: [number, number] = location.place ? [location.place.lng, location.place.lat] : CITY_CENTRE
    return sortInstitutions(placed, sortBy.value, origin)
  })

  return { items, hasDistance, sortBy }
}

/**
 * The header's numbers, agreeing with the list: all matching institutions, and how many of them lie within the
 * 15-minute walk of my place (null without a place). Rendered by the result count and the list header.
 */
export function useWithinWalk() {
  const filters = useFiltersStore()
  const location = useLocationStore()
  const total = computed(() => filters.matchingIds.length)
  const withinWalk = computed<number | null>(() => (location.place ? location.insideCount : null))
  return { total, withinWalk }
}
