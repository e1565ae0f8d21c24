import { expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { FeatureCollection, Point } from 'geojson'
import { createInstitutionSearch } from '../../src/lib/search-institutions'
import type { InstitutionProperties } from '../../src/lib/types'

const institutions = (JSON.parse(readFileSync('tests/fixtures/institutions/small.geojson', 'utf8')) as FeatureCollection<Point, InstitutionProperties>)
  .features.map((feature) => feature.properties)
const search = createInstitutionSearch(institutions)
const sorted = (ids: Set<string> | null) => (ids ? [...ids].sort() : ids)

test('an empty query means no search', () => {
  expect(search('')).toBeNull()
  expect(search('   ')).toBeNull()
})

test('Chinese text finds names, addresses and towns', () => {
  expect(sorted(search('梁丰'))).toEqual(['T2'])
  expect(sorted(search('杨舍镇'))).toEqual(['T1', 'T2', 'T3'])
  expect(sorted(search('锦华路'))).toEqual(['T5'])
})

test('pinyin initials and full pinyin find 杨舍镇 institutions', () => {
  expect(sorted(search('ysz'))).toEqual(['T1', 'T2', 'T3'])
  expect(sorted(search('yangshe'))).toEqual(['T1', 'T2', 'T3'])
  expect(sorted(search('YangShe Zhen'))).toEqual(['T1', 'T2', 'T3'])
  expect(sorted(search('tqz'))).toEqual(['T4'])
  expect(sorted(search('jinfeng'))).toEqual(['T5'])
})

test('text that matches nothing gives an empty set', () => {
  expect(sorted(search('北京'))).toEqual([])
  expect(sorted(search('xyzxyz'))).toEqual([])
})

test('the input list is not mutated', () => {
  const copy = structuredClone(institutions)
  createInstitutionSearch(copy)('ysz')
  expect(copy).toEqual(institutions)
})
