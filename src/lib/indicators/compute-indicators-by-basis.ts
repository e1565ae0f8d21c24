import type { FeatureCollection, Point } from 'geojson'
import { communitiesOnBasis } from '../demand/communities-on-basis'
import { DEFAULT_DEMAND_BASIS, DEMAND_BASES, type CommunityProperties, type DemandBasisInfo, type IndicatorsFile } from '../types'
import { computeIndicators, type IndicatorInputs } from './compute-indicators'

/**
 * indicators.json: every KPI on the default under-3 basis (`city`, `areas`, as before) plus the same on every
 * basis (`byBasis`), the basis named (`basis`) and each basis's total and formula (`demand`).
 *
 * @example
 * const file = computeIndicatorsByBasis({ institutions, communities, targets, areas }, Object.values(model.bases))
 * file.byBasis?.births?.city.find((i) => i.id === 'placesPer1000Under3')?.value // on the births basis
 */
export function computeIndicatorsByBasis(
  inputs: Omit<IndicatorInputs, 'communities'> & { communities: FeatureCollection<Point, CommunityProperties> },
  demand: readonly DemandBasisInfo[],
): IndicatorsFile {
  const byBasis = Object.fromEntries(DEMAND_BASES.map((basis) => [
    basis, computeIndicators({ ...inputs, communities: communitiesOnBasis(inputs.communities, basis).features }),
  ])) as Required<NonNullable<IndicatorsFile['byBasis']>>
  const { city, areas } = byBasis[DEFAULT_DEMAND_BASIS]
  const info = demand.map(({ id, name, nameEn, total, formula, sources }) => ({ id, name, nameEn, total, formula, sources }))
  return { city, areas, basis: DEFAULT_DEMAND_BASIS, demand: info, byBasis }
}
