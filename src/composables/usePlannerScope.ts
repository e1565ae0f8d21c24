import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { usePlannerStore } from '../stores/planner'
import { useAreaNames } from './useAreas'

// Building an Intl.NumberFormat is slow and tables format hundreds of numbers on every drag frame: keep them.
const formats = new Map<string, Intl.NumberFormat>()
function format(locale: string, digits: number | 'percent'): Intl.NumberFormat {
  const key = `${locale}|${digits}`
  let formatter = formats.get(key)
  if (!formatter) {
    formatter = digits === 'percent'
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 })
      : new Intl.NumberFormat(locale, { maximumFractionDigits: digits })
    formats.set(key, formatter)
  }
  return formatter
}

/** Number formats in the current language. */
export function usePlannerFormat() {
  const { locale } = useI18n()
  const number = (value: number, digits = 0) => format(locale.value, digits).format(value)
  const percent = (share: number) => format(locale.value, 'percent').format(share)
  return { number, percent }
}

/** The chosen scope (city or one area): its name, coverage figures, uncovered and desert communities. */
export function usePlannerScope() {
  const { t } = useI18n()
  const planner = usePlannerStore()
  const areaName = useAreaNames()
  const scopeName = computed(() => (planner.area ? areaName(planner.area) : t('planner.city')))
  const coverage = computed(() => {
    const metrics = planner.metrics
    if (!metrics) return null
    return planner.area ? metrics.areas[planner.area] ?? null : metrics.city
  })
  const inScope = (area: string) => planner.area === null || planner.area === area
  const uncovered = computed(() => (planner.snapshot?.uncovered ?? []).filter((community) => inScope(community.area)))
  /** Desert communities of the scope, lowest score first. */
  const deserts = computed(() => {
    const snapshot = planner.snapshot
    const features = planner.communities?.features ?? []
    if (!snapshot) return []
    return features
      .map((feature, index) => ({ ...feature.properties, score: snapshot.scores[index] ?? 0, desert: snapshot.deserts[index] ?? false }))
      .filter((community) => community.desert && inScope(community.area))
      .sort((a, b) => a.score - b.score || b.under3 - a.under3)
  })
  /** Community id → E2SFCA score and desert flag. */
  const accessById = computed(() => {
    const snapshot = planner.snapshot
    const features = planner.communities?.features ?? []
    return new Map(features.map((feature, index) => [feature.properties.id, {
      id: feature.properties.id, score: snapshot?.scores[index] ?? 0, desert: snapshot?.deserts[index] ?? false,
    }]))
  })
  return { scopeName, coverage, uncovered, deserts, accessById, areaName }
}
