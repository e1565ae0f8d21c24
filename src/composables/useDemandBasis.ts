import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { DemandBasisInfo } from '../lib/types'
import { usePlannerStore } from '../stores/planner'

/** The under-3 bases of indicators.json in the current language: every basis, and the chosen one's name. */
export function useDemandBasis() {
  const { locale } = useI18n()
  const planner = usePlannerStore()
  const nameOf = (entry: DemandBasisInfo) => (locale.value === 'en' ? entry.nameEn : entry.name)
  const bases = computed(() => planner.indicators?.demand ?? [])
  /** The chosen basis's name as the data names it (规划推算 / Plan-implied); the id until indicators load. */
  const demandName = computed(() => (planner.demand ? nameOf(planner.demand) : planner.demandBasis))
  return { bases, demandName, nameOf }
}
