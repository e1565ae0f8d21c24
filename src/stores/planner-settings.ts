import { computed, ref } from 'vue'
import {
  DEFAULT_DESERT_MAX_SCORE, DEFAULT_DESERT_MIN_UNDER3, DEFAULT_RADIUS_METERS, type CoverageBasis,
} from '../lib/coverage'
import { DEFAULT_DEMAND_BASIS, INSTITUTION_TYPES, type AreaId, type DemandBasis, type InstitutionType } from '../lib/types'
import type { PlannerSettings } from '../planner/types'

export type BasisKind = 'all' | 'puhui' | 'types'

/** The planner's choices: part of the planner store's state (plain refs). */
export function plannerSettingsState() {
  /** Walking radius of the 15-minute circle, metres (300–3,000). */
  const radiusMeters = ref(DEFAULT_RADIUS_METERS)
  /** Which sites count: all, 普惠 only, or the chosen types. */
  const basisKind = ref<BasisKind>('all')
  const basisTypes = ref<InstitutionType[]>([...INSTITUTION_TYPES])
  /** 托育荒漠 thresholds: at least this many under-3 … */
  const desertMinUnder3 = ref(DEFAULT_DESERT_MIN_UNDER3)
  /** … and an E2SFCA score below this (托位 per 1,000 under-3). */
  const desertMaxScore = ref(DEFAULT_DESERT_MAX_SCORE)
  /** Area shown in the tables and the report; null is the whole city. */
  const area = ref<AreaId | null>(null)
  /** Which under-3 count every figure uses: plan-implied (the default) or births-based. */
  const demandBasis = ref<DemandBasis>(DEFAULT_DEMAND_BASIS)

  const basis = computed<CoverageBasis>(() =>
    basisKind.value === 'types' ? [...basisTypes.value] : basisKind.value)
  const settings = computed<PlannerSettings>(() => ({
    radiusMeters: radiusMeters.value, basis: basis.value,
    desertMinUnder3: desertMinUnder3.value, desertMaxScore: desertMaxScore.value,
  }))
  return { radiusMeters, basisKind, basisTypes, desertMinUnder3, desertMaxScore, area, demandBasis, basis, settings }
}
