import { createPointIndex } from '../coverage/point-index'
import type { Feature, Point } from 'geojson'
import {
  AREA_IDS, type AreaId, type CommunityProperties, type IndicatorsFile, type IndicatorValue,
  type InstitutionProperties, type TargetsFile,
} from '../types'
import { findTarget } from './find-target'
import type { IndicatorScope } from './indicator-scope'
import { MEASURES } from './indicator-measures'
import { INDICATOR_SPECS } from './indicator-specs'
import { isTargetMet } from './is-target-met'

export interface IndicatorInputs {
  institutions: readonly Feature<Point, InstitutionProperties>[]
  communities: readonly Feature<Point, CommunityProperties>[]
  targets: TargetsFile
  /** The planning areas with their township-level units. */
  areas: readonly { id: AreaId; units: readonly string[] }[]
}

/** Annual per-capita disposable income from targets.json inputs, found by wording (城镇 / 农村 / 居民). */
function income(targets: TargetsFile, pattern: RegExp): number | null {
  const input = targets.inputs.find((candidate) => /可支配收入/.test(candidate.name) && pattern.test(candidate.name))
  if (!input) return null
  return /月/.test(input.unit) ? input.value * 12 : input.value
}

/** Institutions whose nearest community is a village committee (村委会) count as rural. */
function ruralInstitutionIds(inputs: IndicatorInputs): Set<string> {
  const rural = new Set<string>()
  // A spatial index, not a loop over every community: 200,000 institutions × 273 communities is 55 million distances.
  const index = createPointIndex(inputs.communities.map(({ geometry: { coordinates: [lng, lat] } }) => ({ lng, lat })))
  for (const institution of inputs.institutions) {
    const [lng, lat] = institution.geometry.coordinates
    const nearest = index.nearest(lng, lat)
    if (nearest && /村(民)?委(员)?会$/.test(inputs.communities[nearest.index].properties.name)) rural.add(institution.properties.id)
  }
  return rural
}

function evaluate(scope: IndicatorScope, targets: TargetsFile, area?: AreaId): IndicatorValue[] {
  return INDICATOR_SPECS.map((spec) => {
    const target = findTarget(targets, spec, area)
    const measure = spec.unavailable ? { value: null, reason: spec.unavailable } : MEASURES[spec.id](scope)
    const scale = 10 ** spec.decimals
    const value = measure.value === null ? null : Math.round(measure.value * scale) / scale
    const indicator: IndicatorValue = {
      id: spec.id, name: spec.name, nameEn: spec.nameEn, value, unit: spec.unit, target,
      met: isTargetMet(value, target, spec.better),
    }
    return 'reason' in measure ? { ...indicator, reason: measure.reason } : indicator
  })
}

/**
 * Every KPI of 附件1/附件2 for the city and each planning area, each with its target and met / not met.
 * Values are rounded to the indicator's decimals (met is judged on the rounded value, as a reader sees it);
 * a KPI the data cannot give is null with the reason.
 *
 * @example
 * const indicators = computeIndicators({ institutions, communities, targets, areas })
 * indicators.city.find((i) => i.id === 'capacityTotal') // { value: 6310, target: { op: '>=', value: 6520 }, met: false, ... }
 */
export function computeIndicators(inputs: IndicatorInputs): IndicatorsFile {
  const all = inputs.institutions.map((feature) => feature.properties)
  const base = {
    ruralIds: ruralInstitutionIds(inputs),
    communityPoints: inputs.institutions.filter((f) => f.properties.type === 'community').map((f) => f.geometry.coordinates as [number, number]),
    income: {
      residents: income(inputs.targets, /^(?!.*(城镇|农村)).*居民/),
      urban: income(inputs.targets, /城镇/),
      rural: income(inputs.targets, /农村/),
    },
  }
  const city = evaluate({ ...base, institutions: all, communities: inputs.communities, units: inputs.areas.flatMap((a) => a.units) }, inputs.targets)
  const areas = Object.fromEntries(AREA_IDS.map((id) => {
    const units = inputs.areas.find((area) => area.id === id)?.units ?? []
    const scope: IndicatorScope = {
      ...base,
      institutions: all.filter((institution) => institution.area === id),
      communities: inputs.communities.filter((community) => community.properties.area === id),
      units,
    }
    return [id, evaluate(scope, inputs.targets, id)]
  })) as Record<AreaId, IndicatorValue[]>
  return { city, areas }
}
