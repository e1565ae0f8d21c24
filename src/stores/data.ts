import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson'
import type { InstitutionProperties, ManifestFile, ZoneProperties } from '../lib/types'
import { validateDataFile } from '../pwa/validate-data-file'
import { readLastGood, saveLastGoodFile, saveLastGoodManifest } from '../pwa/last-good-data'
import { afterFirstScreen } from '../pwa/idle-component'

export type InstitutionCollection = FeatureCollection<Point, InstitutionProperties>
export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties>
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon>

/**
 * The data this build shipped with (its manifest's sample flag and date, fixed at build time). Until the
 * manifest arrives, the sample notice and the footer show these, so they are on the first paint and do not push
 * the page down when the data comes; the manifest then decides (a data update may bring real data).
 */
const SHIPPED_DATA = typeof __SHIPPED_DATA__ === 'undefined' ? null : __SHIPPED_DATA__

/** The files the first screen needs; other stores load theirs with loadFile(). */
const CORE_FILES = ['institutions.geojson', 'zones.geojson', 'boundary.geojson'] as const
const SEEN_VERSION_KEY = 'zjg.dataVersion'

type Source = 'network' | 'lastGood'
interface LoadedFile { value: unknown; bytes: Uint8Array }

async function fetchBytes(name: string): Promise<Uint8Array> {
  // Goes through the service worker when there is one: the precached copy, so this works offline.
  const response = await fetch(`${import.meta.env.BASE_URL}data/${name}`)
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

async function readFile(source: Source, name: string, entry?: ManifestFile['files'][string]): Promise<LoadedFile> {
  const bytes = source === 'network' ? await fetchBytes(name) : await readLastGood(name, entry?.hash)
  if (!bytes) throw new Error(`${name}: no stored copy`)
  const verdict = await validateDataFile(name, bytes, entry)
  if (!verdict.ok) throw new Error(verdict.reason)
  return { value: verdict.value, bytes }
}

/** Reads a manifest and the core files from one source; throws on the first missing or invalid file. */
async function readSet(source: Source) {
  const manifestFile = await readFile(source, 'manifest.json')
  const manifest = manifestFile.value as ManifestFile
  const files = await Promise.all(CORE_FILES.map((name) => readFile(source, name, manifest.files[name])))
  return { manifest, manifestBytes: manifestFile.bytes, files }
}

function swapSeenVersion(version: string): string {
  try {
    const previous = localStorage.getItem(SEEN_VERSION_KEY) ?? ''
    localStorage.setItem(SEEN_VERSION_KEY, version)
    return previous
  } catch {
    return '' // Storage blocked: no announcement, nothing else changes.
  }
}

/** The generated dataset. Large collections live in frozen shallowRefs: replaced, never mutated. */
export const useDataStore = defineStore('data', () => {
  /** loading → ready | error */
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  /** Reason of the last load failure, for the user. */
  const error = ref('')
  /** Why the latest data was rejected while the last good copy is shown; empty when the data is current. */
  const fallbackReason = ref('')
  /** Previous dataVersion when this load brought a new one (announced as 数据已更新); empty otherwise. */
  const updatedFrom = ref('')
  const manifest = shallowRef<ManifestFile | null>(null)
  const institutions = shallowRef<InstitutionCollection | null>(null)
  const zones = shallowRef<ZoneCollection | null>(null)
  const boundary = shallowRef<BoundaryCollection | null>(null)
  /** Whether the data is sample data: the manifest's word, or while it loads the shipped data's (see SHIPPED_DATA). */
  const sample = computed(() => (manifest.value ? manifest.value.sample : status.value !== 'error' && SHIPPED_DATA?.sample === true))
  /** The data's date (YYYY-MM-DD), likewise; empty when there is no data. */
  const generatedOn = computed(() =>
    (manifest.value?.generatedAt ?? (status.value === 'error' ? '' : SHIPPED_DATA?.generatedAt ?? '')).slice(0, 10))

  function apply(set: Awaited<ReturnType<typeof readSet>>) {
    const [institutionFile, zoneFile, boundaryFile] = set.files
    manifest.value = Object.freeze(set.manifest)
    institutions.value = Object.freeze(institutionFile.value as InstitutionCollection)
    zones.value = Object.freeze(zoneFile.value as ZoneCollection)
    boundary.value = Object.freeze(boundaryFile.value as BoundaryCollection)
    const previous = swapSeenVersion(set.manifest.dataVersion)
    updatedFrom.value = previous && previous !== set.manifest.dataVersion ? previous : ''
  }

  async function remember(set: Awaited<ReturnType<typeof readSet>>) {
    await Promise.all(CORE_FILES.map((name, index) => {
      const entry = set.manifest.files[name]
      return entry ? saveLastGoodFile(name, entry.hash, set.files[index].bytes) : undefined
    }))
    await saveLastGoodManifest(set.manifestBytes, set.manifest.files)
  }

  /** Loads the current data; if it is missing, corrupt or partial, shows the last good copy instead. Also the retry. */
  async function load() {
    status.value = 'loading'
    error.value = ''
    try {
      const set = await readSet('network')
      apply(set)
      fallbackReason.value = ''
      status.value = 'ready'
      // Copying ~200 kB into Cache Storage costs main-thread time: not in the task that shows the data.
      void afterFirstScreen().then(() => remember(set))
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause)
      try {
        apply(await readSet('lastGood'))
        fallbackReason.value = reason
        status.value = 'ready'
      } catch {
        error.value = reason
        status.value = 'error'
      }
    }
  }

  // The map and the planner both ask for communities.geojson: read, verify and parse it once per version.
  const loadedFiles = new Map<string, Promise<unknown>>()
  /**
   * Loads another data file of the current manifest (communities, indicators, …), validated like the core files;
   * falls back to the last good copy of that file. Rejects when neither is usable.
   */
  function loadFile<T>(name: string): Promise<T> {
    const key = `${name}@${manifest.value?.files[name]?.hash ?? ''}`
    let pending = loadedFiles.get(key)
    if (!pending) {
      pending = readOptionalFile(name)
      loadedFiles.set(key, pending)
      pending.catch(() => loadedFiles.delete(key)) // a failure may be retried
    }
    return pending as Promise<T>
  }

  async function readOptionalFile(name: string): Promise<unknown> {
    const entry = manifest.value?.files[name]
    try {
      const file = await readFile('network', name, entry)
      if (entry) void saveLastGoodFile(name, entry.hash, file.bytes)
      return Object.freeze(file.value)
    } catch (cause) {
      const lastManifest = await readLastGood('manifest.json')
      const lastEntry = lastManifest ? (JSON.parse(new TextDecoder().decode(lastManifest)) as ManifestFile).files[name] : undefined
      if (!lastEntry) throw cause
      return Object.freeze((await readFile('lastGood', name, lastEntry)).value)
    }
  }

  return { status, error, fallbackReason, updatedFrom, manifest, sample, generatedOn, institutions, zones, boundary, load, retry: load, loadFile }
})
