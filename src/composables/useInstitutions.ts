import { computed } from 'vue'
import type { Feature, Point } from 'geojson'
import type { InstitutionProperties } from '../lib/types'
import { useDataStore } from '../stores/data'

export type InstitutionFeature = Feature<Point, InstitutionProperties>

/** Institutions of the loaded dataset, by id. */
export function useInstitutionsById() {
  const data = useDataStore()
  return computed(() => new Map<string, InstitutionFeature>(
    (data.institutions?.features ?? []).map((feature) => [feature.properties.id, feature]),
  ))
}
