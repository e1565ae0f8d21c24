import type { AreaId, Target, TargetDefinition, TargetsFile } from '../types'
import type { IndicatorSpec } from './indicator-specs'

/**
 * The plan's target for an indicator in the city (area undefined) or one area. Rows are found by wording;
 * 附件2 is preferred as it has the per-area columns. A ratio target with no area column holds for every area.
 *
 * @example
 * findTarget(targets, INDICATOR_SPECS[0], 'leyu') // { op: '>=', value: 320, unit: '个' }
 */
export function findTarget(targets: TargetsFile, spec: IndicatorSpec, area?: AreaId): Target | null {
  const rows = targets.kpis.filter((kpi) => spec.match.test(kpi.name))
  const ordered = [...rows.filter((kpi) => kpi.source === '附件2'), ...rows.filter((kpi) => kpi.source !== '附件2')]
  if (area === undefined) return ordered.find((kpi) => kpi.city)?.city ?? null
  const perArea = ordered.find((kpi: TargetDefinition) => kpi.areas?.[area])?.areas?.[area]
  if (perArea) return perArea
  return spec.kind === 'ratio' ? (ordered.find((kpi) => kpi.city)?.city ?? null) : null
}
