import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { FeatureCollection, Point } from 'geojson'
import { matchesFilters, NO_FILTERS, type InstitutionFilters } from '../../src/lib/filter-institutions'
import { createFilterMatcher } from '../../src/lib/filters/create-filter-matcher'
import { FILTER_FIELDS } from '../../src/lib/filters/filter-fields'
import type { InstitutionProperties } from '../../src/lib/types'

function loadFixture() {
  const collection = JSON.parse(readFileSync('tests/fixtures/institutions/small.geojson', 'utf8')) as FeatureCollection<Point, InstitutionProperties>
  return collection.features.map((feature) => feature.properties)
}

function idsMatching(filters: Partial<InstitutionFilters>, searchIds: Set<string> | null = null) {
  return loadFixture().filter((properties) => matchesFilters(properties, { ...NO_FILTERS, ...filters }, searchIds)).map((p) => p.id)
}

describe('matchesFilters', () => {
  test('no filters keep everything', () => {
    expect(idsMatching({})).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6'])
  })
  test('type chips combine with OR', () => {
    expect(idsMatching({ types: ['community'] })).toEqual(['T1', 'T6'])
    expect(idsMatching({ types: ['community', 'kindergarten'] })).toEqual(['T1', 'T2', 'T6'])
    expect(idsMatching({ types: ['center', 'private'] })).toEqual(['T4', 'T5'])
  })
  test('普惠 combines with the types by AND', () => {
    expect(idsMatching({ puhui: true })).toEqual(['T1', 'T2', 'T4', 'T6'])
    expect(idsMatching({ puhui: true, types: ['employer', 'kindergarten'] })).toEqual(['T2'])
  })
  test('age keeps ranges that include it, and under 24 months needs under-2 places', () => {
    expect(idsMatching({ ageMonths: 30 })).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6'])
    // T2 starts at 24 months; T6 takes 3 months and up but has no under-2 places.
    expect(idsMatching({ ageMonths: 12 })).toEqual(['T1', 'T3', 'T4'])
    expect(idsMatching({ ageMonths: 6 })).toEqual(['T4'])
    expect(idsMatching({ ageMonths: 24 })).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6'])
  })
  test('service form, price, vacancies, medical partner, inclusive and town', () => {
    expect(idsMatching({ service: 'hourly' })).toEqual(['T3', 'T5'])
    expect(idsMatching({ maxPrice: 1500 })).toEqual(['T1', 'T2', 'T6'])
    expect(idsMatching({ maxPrice: 1787 })).toEqual(['T1', 'T2', 'T4', 'T6'])
    expect(idsMatching({ hasVacancy: true })).toEqual(['T1', 'T2', 'T4', 'T5'])
    expect(idsMatching({ medical: true })).toEqual(['T2', 'T4'])
    expect(idsMatching({ inclusive: true })).toEqual(['T4'])
    expect(idsMatching({ town: 'yangshe' })).toEqual(['T1', 'T2', 'T3'])
  })
  test('a combination of many filters and a search', () => {
    expect(idsMatching({ puhui: true, hasVacancy: true, maxPrice: 1600, town: 'yangshe' })).toEqual(['T1', 'T2'])
    expect(idsMatching({ puhui: true }, new Set(['T2', 'T3']))).toEqual(['T2'])
    expect(idsMatching({}, new Set())).toEqual([])
  })
  test('inputs are not mutated', () => {
    const institutions = loadFixture()
    const filters: InstitutionFilters = { ...NO_FILTERS, types: ['community'], puhui: true }
    const before = JSON.stringify({ institutions, filters })
    institutions.forEach((properties) => matchesFilters(properties, filters, new Set(['T1'])))
    expect(JSON.stringify({ institutions, filters })).toBe(before)
  })
})

describe('createFilterMatcher (the store\'s test, built once per state)', () => {
  test.each<[Partial<InstitutionFilters>, Set<string> | null]>([
    [{}, null],
    [{ types: ['community', 'kindergarten'], puhui: true }, null],
    [{ ageMonths: 12, hasVacancy: true }, null],
    [{ service: 'hourly', maxPrice: 4000, town: 'yangshe' }, null],
    [{ medical: true, inclusive: true }, null],
    [{ puhui: true, query: 'ignored: the search ids decide' }, new Set(['T2', 'T3'])],
  ])('agrees with matchesFilters for %j', (partial, searchIds) => {
    const filters = { ...NO_FILTERS, ...partial }
    const matches = createFilterMatcher(FILTER_FIELDS, filters, searchIds)
    expect(loadFixture().filter(matches).map((properties) => properties.id)).toEqual(idsMatching(partial, searchIds))
  })
})
