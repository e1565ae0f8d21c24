import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { loadCoreData } from '../../src/data/load-core-data'
import { loadDataFile } from '../../src/data/load-data-file'
import type { ManifestFile } from '../../src/lib/types'
import { dataFiles, fakeCaches, fakeFetch } from '../fixtures/fake-data-network'

beforeEach(() => { vi.stubGlobal('location', { href: 'https://map.example.test/app/' }) })
afterEach(() => { vi.unstubAllGlobals() })

const idOf = (collection: { features: readonly { properties: unknown }[] }) =>
  (collection.features[0].properties as { id: string }).id
const manifestOf = (files: Record<string, string>) => JSON.parse(files['manifest.json']) as ManifestFile

test('the core files load from the deployment, verified, parsed and frozen', async () => {
  const files = await dataFiles('v1')
  const network = fakeFetch(files)
  vi.stubGlobal('fetch', network.fetch)
  vi.stubGlobal('caches', fakeCaches().caches)
  const { data, fallbackReason } = await loadCoreData()
  expect(fallbackReason).toBe('')
  expect([idOf(data.institutions), idOf(data.zones), idOf(data.boundary)]).toEqual(['institution-v1', 'zone-v1', 'boundary-v1'])
  expect(data.manifest.dataVersion).toBe(manifestOf(files).dataVersion)
  expect([data.manifest, data.institutions, data.zones, data.boundary].every(Object.isFrozen)).toBe(true)
  expect(network.asked.sort()).toEqual(['boundary.geojson', 'institutions.geojson', 'manifest.json', 'zones.geojson'])
})

test.each([
  { name: 'a truncated file', reason: 'institutions.geojson: ', spoil: (text: string) => text.slice(0, 40) },
  { name: 'a file of the right size but other content', reason: 'content hash', spoil: (text: string) => text.replace('v2', 'v3') },
])('$name in a new deployment falls back to the remembered copy, with the reason', async ({ reason, spoil }) => {
  const storage = fakeCaches()
  vi.stubGlobal('caches', storage.caches)
  vi.stubGlobal('fetch', fakeFetch(await dataFiles('v1')).fetch)
  await (await loadCoreData()).remember()

  const next = await dataFiles('v2')
  vi.stubGlobal('fetch', fakeFetch({ ...next, 'institutions.geojson': spoil(next['institutions.geojson']) }).fetch)
  const { data, fallbackReason } = await loadCoreData()
  expect(fallbackReason).toContain(reason)
  expect([idOf(data.institutions), idOf(data.zones)]).toEqual(['institution-v1', 'zone-v1'])
})

test('with no usable deployment and nothing remembered, loading rejects with the deployment\'s reason', async () => {
  vi.stubGlobal('caches', fakeCaches().caches)
  vi.stubGlobal('fetch', fakeFetch({}).fetch)
  await expect(loadCoreData()).rejects.toThrow('manifest.json: HTTP 404')
})

test('without Cache Storage (insecure origins) the current data still loads and remembering does nothing', async () => {
  vi.stubGlobal('caches', undefined)
  vi.stubGlobal('fetch', fakeFetch(await dataFiles('v1')).fetch)
  const result = await loadCoreData()
  await expect(result.remember()).resolves.toBeUndefined()
  expect(idOf(result.data.institutions)).toBe('institution-v1')
})

test('remembering a new set drops the stored files the new manifest no longer references', async () => {
  const storage = fakeCaches()
  vi.stubGlobal('caches', storage.caches)
  vi.stubGlobal('fetch', fakeFetch(await dataFiles('v1')).fetch)
  await (await loadCoreData()).remember()
  const next = await dataFiles('v2')
  vi.stubGlobal('fetch', fakeFetch(next).fetch)
  await (await loadCoreData()).remember()
  const entries = manifestOf(next).files
  expect(storage.stored()).toEqual(['manifest.json', ...['boundary.geojson', 'institutions.geojson', 'zones.geojson']
    .map((name) => `${name}?sha256=${entries[name].hash}`)].sort())
})

test('another data file loads for the current manifest and, when the deployment loses it, comes from the last good copy', async () => {
  const storage = fakeCaches()
  vi.stubGlobal('caches', storage.caches)
  const files = await dataFiles('v1')
  vi.stubGlobal('fetch', fakeFetch(files).fetch)
  const { data, remember } = await loadCoreData()
  await remember()
  const communities = await loadDataFile('communities.geojson', data.manifest) as { features: { properties: unknown }[] }
  expect(idOf(communities)).toBe('community-v1')
  expect(Object.isFrozen(communities)).toBe(true)

  const { 'communities.geojson': _lost, ...rest } = files
  vi.stubGlobal('fetch', fakeFetch(rest).fetch)
  await vi.waitFor(() => expect(storage.stored().some((name) => name?.startsWith('communities.geojson?'))).toBe(true))
  const fallback = await loadDataFile('communities.geojson', data.manifest) as { features: { properties: unknown }[] }
  expect(idOf(fallback)).toBe('community-v1')
})

test('another data file that is missing everywhere rejects with the deployment\'s reason', async () => {
  vi.stubGlobal('caches', fakeCaches().caches)
  const files = await dataFiles('v1')
  vi.stubGlobal('fetch', fakeFetch(files).fetch)
  await expect(loadDataFile('indicators.json', manifestOf(files))).rejects.toThrow('indicators.json: HTTP 404')
})
