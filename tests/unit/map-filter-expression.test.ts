import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { featureFilter } from '@maplibre/maplibre-gl-style-spec'
import type { FeatureCollection, Point } from 'geojson'
import { matchesFilters, NO_FILTERS, type InstitutionFilters } from '../../src/lib/filter-institutions'
import type { InstitutionProperties } from '../../src/lib/types'
import { institutionFilterExpression, toRenderCollection, toRenderProperties } from '../../src/map/filter-expression'
import { syntheticInstitutions } from '../../scripts/bench-map-data'

const fixture = JSON.parse(readFileSync('tests/fixtures/institutions/small.geojson', 'utf8')) as FeatureCollection<Point, InstitutionProperties>
const synthetic = syntheticInstitutions(2000)

const COMBINATIONS: Array<Partial<InstitutionFilters>> = [
  {}, { puhui: true }, { types: ['community'] }, { types: ['community', 'kindergarten'], puhui: true },
  { types: ['center', 'private'] }, { ageMonths: 12 }, { ageMonths: 40 }, { ageMonths: 18, puhui: true },
  { service: 'halfDay' }, { service: 'hourly', types: ['employer'] }, { maxPrice: 1500 }, { maxPrice: 0 },
  { hasVacancy: true }, { medical: true }, { inclusive: true }, { town: 'yangshe' },
  { types: ['kindergarten'], puhui: true, ageMonths: 20, service: 'fullDay', maxPrice: 2000, hasVacancy: true, medical: true },
]

/** Evaluates the MapLibre expression the way the worker does on a tile feature. */
function expressionIds(data: FeatureCollection<Point, InstitutionProperties>, filters: InstitutionFilters, searchIds: Set<string> | null) {
  const filter = featureFilter(institutionFilterExpression(filters, searchIds), 'layers[0].filter')
  return toRenderCollection(data).features
    .filter((feature) => filter.filter({ zoom: 14 }, { type: 1, properties: feature.properties as unknown as Record<string, unknown>, geometry: [] } as never))
    .map((feature) => feature.properties.id)
}

function libraryIds(data: FeatureCollection<Point, InstitutionProperties>, filters: InstitutionFilters, searchIds: Set<string> | null) {
  return data.features.filter((feature) => matchesFilters(feature.properties, filters, searchIds)).map((feature) => feature.properties.id)
}

describe('institutionFilterExpression', () => {
  test.each(COMBINATIONS.map((partial) => [JSON.stringify(partial), partial] as const))('agrees with matchesFilters: %s', (_name, partial) => {
    const filters = { ...NO_FILTERS, ...partial }
    for (const data of [fixture, synthetic]) expect(expressionIds(data, filters, null)).toEqual(libraryIds(data, filters, null))
  })

  test('search ids restrict like matchesFilters, including an empty result', () => {
    const someIds = new Set(synthetic.features.filter((_, index) => index % 7 === 0).map((feature) => feature.properties.id))
    for (const ids of [someIds, new Set<string>()]) {
      const filters = { ...NO_FILTERS, puhui: true }
      const expected = libraryIds(synthetic, filters, ids)
      expect(expressionIds(synthetic, filters, ids)).toEqual(expected)
    }
    expect(libraryIds(synthetic, { ...NO_FILTERS, puhui: true }, someIds).length).toBeGreaterThan(50)
  })

  test('the combinations are not trivial: each keeps some and drops some of the synthetic set', () => {
    for (const partial of COMBINATIONS.slice(1, -1)) {
      const kept = libraryIds(synthetic, { ...NO_FILTERS, ...partial }, null).length
      expect(kept, JSON.stringify(partial)).toBeGreaterThanOrEqual(partial.maxPrice === 0 ? 0 : 1)
      expect(kept, JSON.stringify(partial)).toBeLessThan(synthetic.features.length)
    }
  })

  test('render properties flatten without touching the input', () => {
    const input = structuredClone(fixture.features[0].properties)
    const before = JSON.stringify(input)
    const render = toRenderProperties(input)
    expect(JSON.stringify(input)).toBe(before)
    expect(render.services.startsWith('|')).toBe(true)
    expect(render.vacancy).toBe(input.capacity - input.enrolled)
  })
})

describe('the age filter with places by class', () => {
  // Every other synthetic institution records classes, some of them without a 乳儿班 or with an empty 托大班.
  const withClasses: FeatureCollection<Point, InstitutionProperties> = {
    ...synthetic,
    features: synthetic.features.map((feature, index) => index % 2 === 0 ? feature : {
      ...feature,
      properties: {
        ...feature.properties,
        classes: {
          ...(index % 3 === 0 ? {} : { infant: { capacity: 5, enrolled: 5 } }),
          toddler: { capacity: index % 5, enrolled: 0 },
          older: { capacity: index % 7 === 0 ? 0 : 20, enrolled: 10 },
        },
      },
    }),
  }

  test.each([3, 8, 12, 18, 24, 30, 36, 40])('at %d months the map and the list agree, and a class decides', (ageMonths) => {
    const filters = { ...NO_FILTERS, ageMonths }
    const ids = libraryIds(withClasses, filters, null)
    expect(expressionIds(withClasses, filters, null)).toEqual(ids)
  })

  test('a class for the age is what counts, not the age range', () => {
    const institution = { ...fixture.features[0].properties, ageMinMonths: 24, ageMaxMonths: 36, capacityUnder2: 0 }
    expect(matchesFilters({ ...institution, classes: { toddler: { capacity: 10, enrolled: 10 } } }, { ...NO_FILTERS, ageMonths: 18 }, null)).toBe(true)
    expect(matchesFilters({ ...institution, classes: { older: { capacity: 10, enrolled: 0 } } }, { ...NO_FILTERS, ageMonths: 30 }, null)).toBe(true)
    expect(matchesFilters({ ...institution, classes: { older: { capacity: 10, enrolled: 0 } } }, { ...NO_FILTERS, ageMonths: 18 }, null)).toBe(false)
    expect(matchesFilters(institution, { ...NO_FILTERS, ageMonths: 18 }, null)).toBe(false)
  })
})
