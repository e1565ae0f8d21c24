import { useI18n } from 'vue-i18n'
import type { IndicatorValue, Target } from '../lib/types'
import { usePlannerFormat } from './usePlannerScope'

const OPERATORS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '' }

/** An indicator's name, value and target as the table and the printed report show them: always with units. */
export function useIndicatorText() {
  const { locale } = useI18n()
  const { number } = usePlannerFormat()
  return {
    name: (indicator: IndicatorValue) => (locale.value === 'en' ? indicator.nameEn : indicator.name),
    value: (indicator: IndicatorValue) => (indicator.value === null ? '—' : `${number(indicator.value, 2)} ${indicator.unit}`.trim()),
    target: (goal: Target | null) => (goal ? `${OPERATORS[goal.op] ?? goal.op} ${number(goal.value, 2)} ${goal.unit}`.trim() : '—'),
  }
}
