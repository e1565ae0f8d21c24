import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../src/lib/hash'
import { buildManifest, type ManifestInputs } from '../../src/lib/manifest'
import { stableJson } from '../../src/lib/stable-json'

function inputs(files: Record<string, string>): ManifestInputs {
  return {
    generatedAt: '2024-12-01T00:00:00.000Z', sample: true,
    counts: { institutions: 1, communities: 2, zones: 3, rejected: 0, read: 1 },
    inputs: { 'data/sources/registry-sample.csv': 'ab' }, files, attribution: ['x'],
  }
}

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vector for "abc", as text and as bytes', async () => {
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    expect(await sha256Hex('abc')).toBe(expected)
    expect(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(expected)
  })
})

describe('stableJson', () => {
  it('sorts keys at every depth so insertion order does not matter', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: null }] }, 0)).toBe('{"a":[{"c":null,"d":2}],"b":1}\n')
    expect(stableJson({ z: { y: 1, x: 2 } })).toBe(stableJson({ z: { x: 2, y: 1 } }))
  })
})

describe('buildManifest', () => {
  it('hashes and sizes each file; dataVersion follows the data files but not rejected.csv', async () => {
    const manifest = await buildManifest(inputs({ 'zones.geojson': '张', 'rejected.csv': 'a' }))
    expect(manifest.files['zones.geojson']).toEqual({ hash: await sha256Hex('张'), bytes: 3 })
    expect(Object.keys(manifest.files)).toEqual(['rejected.csv', 'zones.geojson'])
    expect(manifest.dataVersion).toMatch(/^[0-9a-f]{12}$/)
    const otherRejected = await buildManifest(inputs({ 'zones.geojson': '张', 'rejected.csv': 'b' }))
    const otherZones = await buildManifest(inputs({ 'zones.geojson': '李', 'rejected.csv': 'a' }))
    expect(otherRejected.dataVersion).toBe(manifest.dataVersion)
    expect(otherZones.dataVersion).not.toBe(manifest.dataVersion)
  })
})
