import type { ExpressionSpecification } from 'maplibre-gl'
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { InstitutionFilters } from '../lib/filter-institutions'
import { careClassForAge } from '../lib/care-classes/care-class-for-age'
import { CARE_CLASSES, type CareClass, type InstitutionProperties } from '../lib/types'

/**
 * What a map feature carries: the institution's filterable and drawable fields, flattened so a style expression can
 * test them (vector tiles turn arrays into JSON strings and cannot trim text).
 */
export interface RenderProperties {
  id: string
  name: string
  type: InstitutionProperties['type']
  puhui: boolean
  area: InstitutionProperties['area']
  ageMinMonths: number
  ageMaxMonths: number
  capacityUnder2: number
  /** capacity − enrolled */
  vacancy: number
  /** Service keys wrapped in bars, e.g. `|fullDay|hourly|`, so `in` finds whole keys. */
  services: string
  /** Full-day monthly price; absent when the institution reports none (a tile cannot hold null). */
  price?: number
  medical: boolean
  inclusive: boolean
  /** The registry records places by class: the age filter then asks for a class with places (below). */
  hasClasses: boolean
  /** Places of each class; absent without classes (a tile cannot hold null). */
  infantPlaces?: number
  toddlerPlaces?: number
  olderPlaces?: number
}

const CLASS_PLACES: Record<CareClass, 'infantPlaces' | 'toddlerPlaces' | 'olderPlaces'> = {
  infant: 'infantPlaces', toddler: 'toddlerPlaces', older: 'olderPlaces',
}

export type RenderCollection = FeatureCollection<Point, RenderProperties>

/** The flat properties of one institution for the map. */
export function toRenderProperties(properties: InstitutionProperties): RenderProperties {
  const render: RenderProperties = {
    id: properties.id,
    name: properties.name,
    type: properties.type,
    puhui: properties.puhui,
    area: properties.area,
    ageMinMonths: properties.ageMinMonths,
    ageMaxMonths: properties.ageMaxMonths,
    capacityUnder2: properties.capacityUnder2,
    vacancy: properties.capacity - properties.enrolled,
    services: `|${properties.services.join('|')}|`,
    medical: properties.medicalPartner.trim() !== '',
    inclusive: properties.inclusive,
    hasClasses: properties.classes !== undefined,
  }
  if (properties.priceFullDay !== null) render.price = properties.priceFullDay
  for (const careClass of CARE_CLASSES) {
    const places = properties.classes?.[careClass]
    if (places) render[CLASS_PLACES[careClass]] = places.capacity
  }
  return render
}

/** A new collection with render properties (and a numeric feature id for feature-state); the input is untouched. */
export function toRenderCollection(data: FeatureCollection<Point, InstitutionProperties>): RenderCollection {
  return {
    type: 'FeatureCollection',
    features: data.features.map((feature, index): Feature<Point, RenderProperties> => ({
      type: 'Feature',
      id: index,
      geometry: { type: 'Point', coordinates: [feature.geometry.coordinates[0], feature.geometry.coordinates[1]] },
      properties: toRenderProperties(feature.properties),
    })),
  }
}

/** Children under this age need an under-2 place (as in src/lib/filter-institutions.ts). */
const UNDER_TWO_MONTHS = 24

/** The age filter as in src/lib/filters/filter-fields.ts: a class with places when classes exist, else the totals. */
function ageCondition(months: number): ExpressionSpecification {
  const byTotals: ExpressionSpecification[] = [['<=', ['get', 'ageMinMonths'], months], ['>=', ['get', 'ageMaxMonths'], months]]
  if (months < UNDER_TWO_MONTHS) byTotals.push(['>', ['get', 'capacityUnder2'], 0])
  const careClass = careClassForAge(months)
  const byClass: ExpressionSpecification = careClass
    ? ['>', ['coalesce', ['get', CLASS_PLACES[careClass]], 0], 0]
    : false as unknown as ExpressionSpecification
  return ['case', ['==', ['get', 'hasClasses'], true], byClass, ['all', ...byTotals]]
}

/**
 * The MapLibre filter expression equivalent to `matchesFilters(properties, filters, searchIds)` over
 * `toRenderProperties(properties)`; tests check the two agree on the whole dataset.
 */
export function institutionFilterExpression(filters: InstitutionFilters, searchIds: ReadonlySet<string> | null = null): ExpressionSpecification {
  const conditions: ExpressionSpecification[] = []
  if (filters.types.length > 0) conditions.push(['in', ['get', 'type'], ['literal', [...filters.types]]])
  if (filters.puhui) conditions.push(['==', ['get', 'puhui'], true])
  if (filters.ageMonths !== null) conditions.push(ageCondition(filters.ageMonths))
  if (filters.service !== null) conditions.push(['in', `|${filters.service}|`, ['get', 'services']])
  if (filters.maxPrice !== null) conditions.push(['case', ['has', 'price'], ['<=', ['get', 'price'], filters.maxPrice], false])
  if (filters.hasVacancy) conditions.push(['>', ['get', 'vacancy'], 0])
  if (filters.medical) conditions.push(['==', ['get', 'medical'], true])
  if (filters.inclusive) conditions.push(['==', ['get', 'inclusive'], true])
  if (filters.town !== null) conditions.push(['==', ['get', 'area'], filters.town])
  if (searchIds !== null) {
    // `match` compiles its labels into a lookup table: fast for thousands of ids, unlike `in` over a literal array.
    conditions.push(searchIds.size === 0 ? false as unknown as ExpressionSpecification : ['match', ['get', 'id'], [...searchIds], true, false])
  }
  if (conditions.length === 0) return ['literal', true] as unknown as ExpressionSpecification
  return conditions.length === 1 ? conditions[0] : ['all', ...conditions]
}
