import type { ManifestFile } from '../lib/types'
import { saveLastGoodFile } from './last-good-data'
import { readDataFile } from './read-data-file'

/**
 * Loads another data file of the given manifest (communities, indicators, …), validated like the core files, and
 * keeps it as last good; falls back to the last good copy of that file. Rejects when neither is usable.
 */
export async function loadDataFile(name: string, manifest: ManifestFile | null): Promise<unknown> {
  const entry = manifest?.files[name]
  try {
    const file = await readDataFile('network', name, entry)
    if (entry) void saveLastGoodFile(name, entry.hash, file.bytes)
    return Object.freeze(file.value)
  } catch (cause) {
    const lastManifest = await readDataFile('lastGood', 'manifest.json').catch(() => null)
    const lastEntry = (lastManifest?.value as ManifestFile | undefined)?.files[name]
    if (!lastEntry) throw cause
    return Object.freeze((await readDataFile('lastGood', name, lastEntry)).value)
  }
}
