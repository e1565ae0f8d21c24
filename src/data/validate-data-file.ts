import { sha256Hex } from '../lib/hash'
import type { ManifestFile } from '../lib/types'

export type ManifestEntry = ManifestFile['files'][string]

export type DataFileVerdict<T> = { ok: true; value: T } | { ok: false; reason: string }

/** Basic shape of a data file, by name: enough to know the app will not blank on it. */
function shapeProblem(name: string, value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'not a JSON object'
  const record = value as Record<string, unknown>
  if (name === 'manifest.json') {
    if (typeof record.dataVersion !== 'string' || !record.dataVersion) return 'no dataVersion'
    if (!record.files || typeof record.files !== 'object') return 'no file list'
    return null
  }
  if (name.endsWith('.geojson')) {
    if (record.type !== 'FeatureCollection' || !Array.isArray(record.features)) return 'not a FeatureCollection'
    const broken = (record.features as unknown[]).findIndex((feature) => {
      const f = feature as { type?: unknown; geometry?: { type?: unknown } | null; properties?: unknown } | null
      return !f || f.type !== 'Feature' || !f.geometry || typeof f.geometry.type !== 'string' || typeof f.properties !== 'object'
    })
    return broken >= 0 ? `feature ${broken} is malformed` : null
  }
  return null
}

/**
 * Checks one fetched data file: size and SHA-256 against its manifest entry (when given and Web Crypto is
 * available: plain-http LAN addresses have none), then JSON parse and basic shape. Never throws.
 *
 * @example
 * const verdict = await validateDataFile('zones.geojson', bytes, manifest.files['zones.geojson'])
 * if (verdict.ok) use(verdict.value)
 */
export async function validateDataFile<T = unknown>(
  name: string,
  bytes: Uint8Array,
  expected?: ManifestEntry,
): Promise<DataFileVerdict<T>> {
  if (expected) {
    if (bytes.byteLength !== expected.bytes) {
      return { ok: false, reason: `${name}: ${bytes.byteLength} bytes, expected ${expected.bytes}` }
    }
    if (globalThis.crypto?.subtle && (await sha256Hex(bytes)) !== expected.hash) {
      return { ok: false, reason: `${name}: content hash does not match the manifest` }
    }
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return { ok: false, reason: `${name}: not valid JSON` }
  }
  const problem = shapeProblem(name, value)
  return problem ? { ok: false, reason: `${name}: ${problem}` } : { ok: true, value: value as T }
}
