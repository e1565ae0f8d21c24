import { createPointIndex, type NeighbourBuffer } from '../coverage/point-index'
import { ratio, sum, type IndicatorScope, type Measure } from './indicator-scope'

/** A community counts as covered when a community 托育 point lies within this straight-line distance. */
export const COMMUNITY_REACH_METERS = 1000
/** The year the plan's 新增 (new) targets count. */
export const PLAN_YEAR = 2024

const capacity = (scope: IndicatorScope) => sum(scope.institutions.map((i) => i.capacity))
const NO_PLACES = '该范围没有托位'
const NO_INSTITUTIONS = '该范围没有托育机构'

/** Communities with a community 托育 point within reach (a spatial index: tens of thousands of points per scope). */
function reachedCommunities(scope: IndicatorScope): number {
  const index = createPointIndex(scope.communityPoints.map(([lng, lat]) => ({ lng, lat })))
  const found: NeighbourBuffer = { indexes: new Int32Array(16), distances: new Float64Array(16) }
  return scope.communities.filter(({ geometry: { coordinates: [lng, lat] } }) =>
    index.indexesWithinInto(lng, lat, COMMUNITY_REACH_METERS, found) > 0).length
}

/** Capacity-weighted mean full-day monthly price of the institutions that report one. */
function averagePrice(scope: IndicatorScope): Measure {
  const priced = scope.institutions.filter((i) => i.priceFullDay !== null)
  return ratio(sum(priced.map((i) => (i.priceFullDay ?? 0) * i.capacity)), sum(priced.map((i) => i.capacity)), 1, '该范围没有报告全日托收费的机构')
}

function priceShare(scope: IndicatorScope, income: number | null, missing: string): Measure {
  const price = averagePrice(scope)
  if (price.value === null) return price
  return income ? { value: ((price.value * 12) / income) * 100 } : { value: null, reason: missing }
}

function newIn2024(scope: IndicatorScope, type: string, puhuiOnly: boolean): Measure {
  const count = scope.institutions.filter((i) => i.type === type && i.openedYear === PLAN_YEAR && (i.puhui || !puhuiOnly)).length
  return { value: count }
}

/** How each data-backed indicator is measured on a scope (definitions are documented in README.md). */
export const MEASURES: Record<string, (scope: IndicatorScope) => Measure> = {
  capacityTotal: (scope) => ({ value: capacity(scope) }),
  placesPer1000People: (scope) => ratio(capacity(scope), sum(scope.communities.map((c) => c.properties.population)), 1000, '缺少常住人口数据'),
  placesPer1000Under3: (scope) => ratio(capacity(scope), sum(scope.communities.map((c) => c.properties.under3)), 1000, '缺少3岁以下婴幼儿数据'),
  under2Share: (scope) => ratio(sum(scope.institutions.map((i) => i.capacityUnder2)), capacity(scope), 100, NO_PLACES),
  puhuiShare: (scope) => ratio(sum(scope.institutions.filter((i) => i.puhui).map((i) => i.capacity)), capacity(scope), 100, NO_PLACES),
  medicalSigningRate: (scope) => ratio(scope.institutions.filter((i) => i.medicalPartner !== '').length, scope.institutions.length, 100, NO_INSTITUTIONS),
  staffCertificationRate: (scope) => ratio(
    sum(scope.institutions.map((i) => Math.min(i.staffCertified, i.staff))), sum(scope.institutions.map((i) => i.staff)), 100, '该范围没有从业人员数据'),
  occupancyRate: (scope) => ratio(sum(scope.institutions.map((i) => Math.min(i.enrolled, i.capacity))), capacity(scope), 100, NO_PLACES),
  averageFullDayPrice: averagePrice,
  priceShareOfIncome: (scope) => priceShare(scope, scope.income.residents ?? scope.income.urban, 'targets.json 未给出居民人均可支配收入'),
  ruralPriceShareOfIncome: (scope) => priceShare(
    { ...scope, institutions: scope.institutions.filter((i) => scope.ruralIds.has(i.id)) }, scope.income.rural, 'targets.json 未给出农村居民人均可支配收入'),
  communityCoverageRate: (scope) => ratio(reachedCommunities(scope), scope.communities.length, 100, '该范围没有社区数据'),
  centersBuilt: (scope) => ({ value: scope.institutions.filter((i) => i.type === 'center').length }),
  newCommunityPoints: (scope) => newIn2024(scope, 'community', true),
  newKindergartenClasses: (scope) => newIn2024(scope, 'kindergarten', true),
  newEmployerSites: (scope) => newIn2024(scope, 'employer', false),
  puhuiTownCoverage: (scope) => ratio(
    scope.units.filter((unit) => scope.institutions.some((i) => i.puhui && i.town === unit)).length, scope.units.length, 100, '该范围没有镇街'),
}
