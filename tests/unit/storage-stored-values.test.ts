import { afterEach, expect, test, vi } from 'vitest'
import { fakeStorage } from '../fixtures/fake-storage'

afterEach(() => { vi.unstubAllGlobals() })

/** The module afresh, so its in-memory fallback starts empty, over the given localStorage. */
async function storedValues(storage: Storage) {
  vi.stubGlobal('localStorage', storage)
  vi.resetModules()
  return import('../../src/storage/stored-values')
}

test.each([
  ['missing', undefined],
  ['empty', ''],
  ['words', 'garbage'],
  ['JSON', '{"dataVersion":"0123456789ab"}'],
  ['too short', '0123456789a'],
  ['too long', '0123456789abc'],
  ['upper case', '0123456789AB'],
  ['not hex', '0123456789xy'],
  ['padded', ' 0123456789ab'],
])('a %s stored dataVersion reads as none', async (_, raw) => {
  const { readSeenDataVersion } = await storedValues(fakeStorage(raw === undefined ? {} : { 'zjg.dataVersion': raw }))
  expect(readSeenDataVersion()).toBe('')
})

test('a stored dataVersion is read back, and writing replaces it', async () => {
  const storage = fakeStorage({ 'zjg.dataVersion': '0123456789ab' })
  const { readSeenDataVersion, writeSeenDataVersion } = await storedValues(storage)
  expect(readSeenDataVersion()).toBe('0123456789ab')
  writeSeenDataVersion('ba9876543210')
  expect(storage.getItem('zjg.dataVersion')).toBe('ba9876543210')
  expect(readSeenDataVersion()).toBe('ba9876543210')
})

test.each([
  ['not JSON', '{"locale":"en"', {}],
  ['null', 'null', {}],
  ['a number', '42', {}],
  ['a string', '"en"', {}],
  ['an array', '["en",true]', {}],
  ['wrong types', '{"locale":"fr","elder":"yes","favourites":"T1"}', {}],
  ['a prototype key', '{"__proto__":{"locale":"en"}}', {}],
  ['bad favourites', '{"favourites":[1,null,"","  T1",{"id":"T2"},"T3","T3","a\\u0000b"]}', { favourites: ['T3'] }],
  ['some valid fields', '{"locale":"en","elder":1,"extra":true}', { locale: 'en' }],
  ['all valid', '{"locale":"zh-CN","elder":true,"favourites":["T1","张家港/托育 #1"]}', { locale: 'zh-CN', elder: true, favourites: ['T1', '张家港/托育 #1'] }],
])('stored preferences that are %s keep only their valid fields', async (_, raw, expected) => {
  const { readPreferences } = await storedValues(fakeStorage({ 'zjg-childcare-map:preferences': raw }))
  expect(readPreferences()).toEqual(expected)
})

test('at most 1,000 favourites are read back', async () => {
  const favourites = Array.from({ length: 1500 }, (_, index) => `T${index}`)
  const { readPreferences } = await storedValues(fakeStorage({ 'zjg-childcare-map:preferences': JSON.stringify({ favourites }) }))
  expect(readPreferences().favourites).toEqual(favourites.slice(0, 1000))
})

test('blocked storage keeps every value in memory for the session', async () => {
  const values = await storedValues(fakeStorage({}, true))
  expect(values.readSeenDataVersion()).toBe('')
  expect(values.readPreferences()).toEqual({})
  values.writeSeenDataVersion('0123456789ab')
  values.writePreferences({ locale: 'en', elder: true, favourites: ['T1'] })
  expect(values.readSeenDataVersion()).toBe('0123456789ab')
  expect(values.readPreferences()).toEqual({ locale: 'en', elder: true, favourites: ['T1'] })
})

test('no localStorage at all (Node, some webviews) works the same way', async () => {
  vi.stubGlobal('localStorage', undefined)
  vi.resetModules()
  const values = await import('../../src/storage/stored-values')
  values.writePreferences({ locale: 'en', elder: false, favourites: [] })
  expect(values.readPreferences()).toEqual({ locale: 'en', elder: false, favourites: [] })
})

test.each([
  ['missing', undefined, null],
  ['not JSON', '{"lng":120.5', null],
  ['an array', '[120.55,31.87]', null],
  ['text numbers', '{"lng":"120.55","lat":"31.87","source":"gps"}', null],
  ['an unknown source', '{"lng":120.55,"lat":31.87,"source":"ip"}', null],
  ['far from the city', '{"lng":116.4,"lat":39.9,"source":"gps"}', null],
  ['not finite', '{"lng":1e999,"lat":31.87,"source":"gps"}', null],
  ['valid', '{"lng":120.55,"lat":31.87,"source":"gps"}', { lng: 120.55, lat: 31.87, source: 'gps' }],
  ['valid with a label', '{"lng":120.55,"lat":31.87,"source":"community","label":"向阳社区"}', { lng: 120.55, lat: 31.87, source: 'community', label: '向阳社区' }],
  ['valid with a bad label', '{"lng":120.55,"lat":31.87,"source":"town","label":42}', { lng: 120.55, lat: 31.87, source: 'town' }],
])('a remembered place that is %s reads as %o', async (_, raw, expected) => {
  const { readRememberedPlace } = await storedValues(fakeStorage(raw === undefined ? {} : { 'zjg-childcare-map:my-place': raw }))
  expect(readRememberedPlace()).toEqual(expected)
})

test('forgetting the place removes it from storage, not just blanks it', async () => {
  const storage = fakeStorage({})
  const { readRememberedPlace, writeRememberedPlace } = await storedValues(storage)
  writeRememberedPlace({ lng: 120.55, lat: 31.87, source: 'map' })
  expect(readRememberedPlace()).toEqual({ lng: 120.55, lat: 31.87, source: 'map' })
  writeRememberedPlace(null)
  expect(storage.getItem('zjg-childcare-map:my-place')).toBeNull()
  expect(readRememberedPlace()).toBeNull()
})
