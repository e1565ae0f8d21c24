import { expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { FeatureCollection, Point } from 'geojson'
import { createInstitutionSearch } from '../../src/lib/search/search-institutions'
import { buildSearchKeys } from '../../src/lib/search/search-keys'
import { normalizeSearchText } from '../../src/lib/search/search-normalize'
import type { InstitutionProperties } from '../../src/lib/types'

const plain = (JSON.parse(readFileSync('tests/fixtures/institutions/small.geojson', 'utf8')) as FeatureCollection<Point, InstitutionProperties>)
  .features.map((feature) => feature.properties)
// As scripts/build-data.ts writes them: each institution carries its build-time pinyin keys.
const institutions = plain.map((properties) => ({ ...properties, searchKeys: buildSearchKeys(properties) }))
const search = createInstitutionSearch(institutions)
const sorted = (ids: Set<string> | null) => (ids ? [...ids].sort() : ids)

test('an empty query means no search', () => {
  expect(search('')).toBeNull()
  expect(search('   ')).toBeNull()
  expect(search('，。')).toBeNull()
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
  expect(sorted(search('ｙａｎｇｓｈｅ'))).toEqual(['T1', 'T2', 'T3'])
  expect(sorted(search('tqz'))).toEqual(['T4'])
  expect(sorted(search('jinfeng'))).toEqual(['T5'])
  expect(sorted(search('liangfeng'))).toEqual(['T2'])
})

test('text that matches nothing gives an empty set', () => {
  expect(sorted(search('北京'))).toEqual([])
  expect(sorted(search('xyzxyz'))).toEqual([])
})

test('a query never matches across two keys', () => {
  const keys = buildSearchKeys(institutions[0])
  const [first, second] = keys.split(' ')
  // The end of one key followed by the start of the next is not a match.
  const straddling = first.slice(-2) + second.slice(0, 2)
  const only = createInstitutionSearch([{ id: 'X', name: '甲', address: '乙', town: '丙', searchKeys: keys }])
  expect(keys.includes(straddling)).toBe(false)
  expect(only(straddling)?.size ?? 0).toBe(0)
})

test('without build-time keys an institution is still found by its text, not by pinyin', () => {
  const textOnly = createInstitutionSearch(plain)
  expect(sorted(textOnly('梁丰'))).toEqual(['T2'])
  expect(sorted(textOnly('ysz'))).toEqual([])
})

test('keys are normalized pinyin of name, address and town, with no tones, spaces or duplicates', () => {
  const keys = buildSearchKeys({ name: '梁丰托育', address: '梁丰路8号', town: '杨舍镇' })
  expect(keys.split(' ')).toEqual(['liangfengtuoyu', 'lfty', 'liangfenglu8hao', 'lfl8h', 'yangshezhen', 'ysz'])
  expect(buildSearchKeys({ name: '杨舍镇', address: '杨舍镇', town: '杨舍镇' })).toBe('yangshezhen ysz')
  for (const key of keys.split(' ')) expect(normalizeSearchText(key)).toBe(key)
})

test('the inputs are not mutated', () => {
  const copy = structuredClone(institutions)
  createInstitutionSearch(copy)('ysz')
  for (const institution of copy) buildSearchKeys(institution)
  expect(copy).toEqual(institutions)
})
