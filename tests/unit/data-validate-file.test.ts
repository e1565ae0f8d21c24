import { expect, test } from 'vitest'
import { validateDataFile } from '../../src/data/validate-data-file'
import { sha256Hex } from '../../src/lib/hash'

const encode = (text: string) => new TextEncoder().encode(text)
const collection = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [120.5, 31.9] }, properties: { id: 'a' } }],
})
const entryOf = async (text: string) => ({ hash: await sha256Hex(text), bytes: encode(text).byteLength })

test('a file matching its manifest entry is accepted and parsed', async () => {
  const verdict = await validateDataFile('institutions.geojson', encode(collection), await entryOf(collection))
  expect(verdict).toEqual({ ok: true, value: JSON.parse(collection) })
})

test('a truncated (partial) file is rejected by its size before parsing', async () => {
  const partial = collection.slice(0, 60)
  const verdict = await validateDataFile('institutions.geojson', encode(partial), await entryOf(collection))
  expect(verdict.ok).toBe(false)
  expect(!verdict.ok && verdict.reason).toContain('bytes, expected')
})

test('a file of the right size but other content is rejected by its hash', async () => {
  const tampered = collection.replace('"a"', '"b"')
  const verdict = await validateDataFile('institutions.geojson', encode(tampered), await entryOf(collection))
  expect(!verdict.ok && verdict.reason).toContain('hash')
})

test('without a manifest entry the file must still parse and have the right shape', async () => {
  expect((await validateDataFile('zones.geojson', encode('{"type":"FeatureCollection"'))).ok).toBe(false)
  const notCollection = await validateDataFile('zones.geojson', encode('{"type":"Feature"}'))
  expect(!notCollection.ok && notCollection.reason).toContain('FeatureCollection')
  const badFeature = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: {} }] })
  expect(!(await validateDataFile('zones.geojson', encode(badFeature))).ok).toBe(true)
  const manifest = await validateDataFile('manifest.json', encode('{"files":{}}'))
  expect(!manifest.ok && manifest.reason).toContain('dataVersion')
  expect((await validateDataFile('manifest.json', encode('{"dataVersion":"abc","files":{}}'))).ok).toBe(true)
})

test('the input bytes are not modified', async () => {
  const bytes = encode(collection)
  const copy = bytes.slice()
  await validateDataFile('institutions.geojson', bytes, await entryOf(collection))
  expect(bytes).toEqual(copy)
})
