import { AREA_IDS, type AreaId, type DemandBasis, type DemandBasisInfo, type TargetsFile } from '../types'
import { apportion } from './apportion'

/** The model's result: per basis the city total and its split over the areas; the anchored population. */
export interface DemandModel {
  bases: Record<DemandBasis, DemandBasisInfo & { areas: Partial<Record<AreaId, number>> }>
  /** Resident population the communities share: the latest bulletin's when given, else the census. */
  population: { value: number; source: string }
}

function input(targets: TargetsFile, id: string): TargetsFile['inputs'][number] {
  const found = targets.inputs.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`targets.json: input "${id}" is missing`)
  return found
}

function kpiValue(targets: TargetsFile, id: string, area?: AreaId): number {
  const kpi = targets.kpis.find((candidate) => candidate.id === id)
  const value = area ? kpi?.areas?.[area]?.value : kpi?.city?.value
  if (value === undefined) throw new Error(`targets.json: ${id}${area ? ` (${area})` : ''} is missing`)
  return value
}

/**
 * The under-3 demand model. plan: 附件2 辖区总托位数 ÷ (每千名3岁以下婴幼儿拥有托位数 / 1000), the count the plan's
 * targets imply. births: the registered births of the last three years with a `births-YYYY` input × residents ÷
 * registered population, where registered population = births ÷ registered birth rate of the `registered-birth-rate-YYYY`
 * input's year. No source gives births by town, so both bases share `areaIds` (default: all nine) in proportion to
 * the plan's places there.
 *
 * @example
 * const model = computeDemand(targets)
 * model.bases.plan.total // 27167
 * Object.values(model.bases.births.areas).reduce((a, b) => a + b, 0) === model.bases.births.total // true
 */
export function computeDemand(targets: TargetsFile, areaIds: readonly AreaId[] = AREA_IDS): DemandModel {
  const places = areaIds.map((area) => kpiValue(targets, 'a2-total-places', area))
  const perChild = kpiValue(targets, 'a2-places-per-1000-under3') / 1000
  const planTotal = Math.round(kpiValue(targets, 'a2-total-places') / perChild)

  const latest = targets.inputs.find((candidate) => candidate.id === 'population-bulletin')
  const population = latest ?? input(targets, 'population')
  const years = (prefix: string) => targets.inputs.filter((candidate) => new RegExp(`^${prefix}-\\d{4}$`).test(candidate.id))
    .sort((a, b) => a.id.localeCompare(b.id))
  const births = years('births').slice(-3)
  if (births.length < 3) throw new Error('targets.json: the births basis needs three births-YYYY inputs')
  const rate = years('registered-birth-rate').at(-1)
  if (!rate) throw new Error('targets.json: input "registered-birth-rate-YYYY" is missing')
  const rateBirths = input(targets, `births-${rate.id.slice(-4)}`)
  const registered = rateBirths.value / (rate.value / 1000)
  const cohorts = births.reduce((sum, item) => sum + item.value, 0)
  const birthsTotal = Math.round((cohorts * population.value) / registered)

  const split = (total: number) => {
    const counts = apportion(total, places)
    return Object.fromEntries(areaIds.map((area, index) => [area, counts[index]])) as Partial<Record<AreaId, number>>
  }
  return {
    population: { value: population.value, source: population.source },
    bases: {
      plan: {
        id: 'plan', name: '规划推算', nameEn: 'Plan-implied', total: planTotal, areas: split(planTotal),
        formula: `${kpiValue(targets, 'a2-total-places')} ÷ ${perChild} = ${planTotal}`,
        sources: ['附件2 辖区总托位数', '附件1/附件2 每千名3岁以下婴幼儿拥有托位数'],
      },
      births: {
        id: 'births', name: '出生推算', nameEn: 'Births-based', total: birthsTotal, areas: split(birthsTotal),
        formula: `(${births.map((item) => item.value).join(' + ')}) × ${population.value} ÷ (${rateBirths.value} ÷ ${rate.value}‰) = ${birthsTotal}`,
        sources: [...births, rate, population].map((item) => `${item.name}: ${item.source}`),
      },
    },
  }
}
