import { readLastGood } from './last-good-data'
import { validateDataFile, type ManifestEntry } from './validate-data-file'

/** Where a file is read from: the deployment (through the service worker when there is one) or the last good copy. */
export type DataSource = 'network' | 'lastGood'

export interface LoadedFile { value: unknown; bytes: Uint8Array }

async function fetchBytes(name: string): Promise<Uint8Array> {
  // Goes through the service worker when there is one: the precached copy, so this works offline.
  const response = await fetch(`${import.meta.env.BASE_URL}data/${name}`)
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** Reads one data file and checks it against its manifest entry (size, SHA-256, shape); throws with the reason. */
export async function readDataFile(source: DataSource, name: string, entry?: ManifestEntry): Promise<LoadedFile> {
  const bytes = source === 'network' ? await fetchBytes(name) : await readLastGood(name, entry?.hash)
  if (!bytes) throw new Error(`${name}: no stored copy`)
  const verdict = await validateDataFile(name, bytes, entry)
  if (!verdict.ok) throw new Error(verdict.reason)
  return { value: verdict.value, bytes }
}
