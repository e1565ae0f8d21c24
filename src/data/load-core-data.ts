import type { ManifestFile } from '../lib/types'
import { saveLastGoodFile, saveLastGoodManifest } from './last-good-data'
import { readDataFile, type DataSource, type LoadedFile } from './read-data-file'
import type { BoundaryCollection, CoreData, InstitutionCollection, ZoneCollection } from './types'

/** The files the first screen needs; others are loaded on demand with loadDataFile(). */
export const CORE_FILES = ['institutions.geojson', 'zones.geojson', 'boundary.geojson'] as const

interface CoreSet { manifest: ManifestFile; manifestBytes: Uint8Array; files: LoadedFile[] }

export interface CoreDataResult {
  data: CoreData
  /** Why the deployment's data was rejected while the last good copy is shown; '' when the data is current. */
  fallbackReason: string
  /** Keeps the data as the last good copy (nothing to do for the last good copy itself). */
  remember(): Promise<void>
}

/** Reads a manifest and the core files from one source; throws on the first missing or invalid file. */
async function readSet(source: DataSource): Promise<CoreSet> {
  const manifestFile = await readDataFile(source, 'manifest.json')
  const manifest = manifestFile.value as ManifestFile
  const files = await Promise.all(CORE_FILES.map((name) => readDataFile(source, name, manifest.files[name])))
  return { manifest, manifestBytes: manifestFile.bytes, files }
}

function toCoreData(set: CoreSet): CoreData {
  const [institutionFile, zoneFile, boundaryFile] = set.files
  return {
    manifest: Object.freeze(set.manifest),
    institutions: Object.freeze(institutionFile.value as InstitutionCollection),
    zones: Object.freeze(zoneFile.value as ZoneCollection),
    boundary: Object.freeze(boundaryFile.value as BoundaryCollection),
  }
}

async function remember(set: CoreSet): Promise<void> {
  await Promise.all(CORE_FILES.map((name, index) => {
    const entry = set.manifest.files[name]
    return entry ? saveLastGoodFile(name, entry.hash, set.files[index].bytes) : undefined
  }))
  await saveLastGoodManifest(set.manifestBytes, set.manifest.files)
}

/**
 * Loads the deployment's manifest and core files, verified against the manifest; if any is missing, corrupt or
 * partial, the last good copy instead. Rejects with the deployment's reason when neither is usable.
 */
export async function loadCoreData(): Promise<CoreDataResult> {
  let set: CoreSet
  try {
    set = await readSet('network')
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    const lastGood = await readSet('lastGood').catch(() => null)
    if (!lastGood) throw new Error(reason, { cause })
    return { data: toCoreData(lastGood), fallbackReason: reason, remember: () => Promise.resolve() }
  }
  const current = set
  return { data: toCoreData(current), fallbackReason: '', remember: () => remember(current) }
}
