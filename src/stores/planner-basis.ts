import { computed, type Ref, type ShallowRef } from 'vue'
import type { FeatureCollection, Point } from 'geojson'
import { communitiesOnBasis } from '../lib/demand/communities-on-basis'
import type { CommunityProperties, DemandBasis, IndicatorsFile } from '../lib/types'

/** What the planner shows on the chosen under-3 basis: the communities the engine counts, the KPIs and the basis's name. */
export function plannerBasisViews(
  communityFile: ShallowRef<FeatureCollection<Point, CommunityProperties> | null>,
  indicators: ShallowRef<IndicatorsFile | null>,
  demandBasis: Ref<DemandBasis>,
) {
  /** The communities with `under3` on the chosen demand basis (what the engine counts). */
  const communities = computed(() => (communityFile.value ? communitiesOnBasis(communityFile.value, demandBasis.value) : null))
  /** The plan's indicators on the chosen demand basis (the file's default ones when it has no byBasis). */
  const indicatorsOnBasis = computed(() => {
    const file = indicators.value
    if (!file) return null
    return file.byBasis?.[demandBasis.value] ?? { city: file.city, areas: file.areas }
  })
  /** The chosen basis's name, total and formula, as indicators.json states them. */
  const demand = computed(() => indicators.value?.demand?.find((entry) => entry.id === demandBasis.value) ?? null)
  return { communities, indicatorsOnBasis, demand }
}
