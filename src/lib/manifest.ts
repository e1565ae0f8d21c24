import { sha256Hex } from './hash'
import type { ManifestFile } from './types'

export interface ManifestInputs {
  generatedAt: string
  sample: boolean
  counts: ManifestFile['counts']
  /** Input file (path as given) → SHA-256 hex. */
  inputs: Record<string, string>
  /** Output file name → its exact bytes (or text, UTF-8). */
  files: Record<string, string | Uint8Array>
  attribution: string[]
}

/** Files the app does not load; they are listed but leave dataVersion alone. */
const NOT_DATA = /\.csv$/

/**
 * The manifest of a generated dataset: per-file SHA-256 and size, and dataVersion, the first 12 hex digits of
 * the SHA-256 of the sorted `name hash` lines of the data files, so it changes exactly when the data changes.
 *
 * @example
 * const manifest = await buildManifest({ generatedAt, sample: true, counts, inputs, files: { 'zones.geojson': text }, attribution })
 * manifest.files['zones.geojson'] // { hash: '…', bytes: 1234 }
 */
export async function buildManifest(inputs: ManifestInputs): Promise<ManifestFile> {
  const names = Object.keys(inputs.files).sort()
  const files: ManifestFile['files'] = {}
  for (const name of names) {
    const content = inputs.files[name]
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
    files[name] = { hash: await sha256Hex(bytes), bytes: bytes.byteLength }
  }
  const versionSource = names.filter((name) => !NOT_DATA.test(name)).map((name) => `${name} ${files[name].hash}\n`).join('')
  return {
    generatedAt: inputs.generatedAt,
    dataVersion: (await sha256Hex(versionSource)).slice(0, 12),
    sample: inputs.sample,
    counts: inputs.counts,
    inputs: inputs.inputs,
    files,
    attribution: inputs.attribution,
  }
}
