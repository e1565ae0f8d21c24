import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ManifestFile } from '../lib/types'
import { loadCoreData } from '../data/load-core-data'
import { loadDataFile } from '../data/load-data-file'
import type { BoundaryCollection, CoreData, InstitutionCollection, ZoneCollection } from '../data/types'
import { afterFirstScreen } from '../pwa/idle-component'
import { readSeenDataVersion, writeSeenDataVersion } from '../storage/stored-values'

export type { BoundaryCollection, InstitutionCollection, ZoneCollection } from '../data/types'

/**
 * The data this build shipped with (its manifest's sample flag and date, fixed at build time). Until the
 * manifest arrives, the sample notice and the footer show these, so they are on the first paint and do not push
 * the page down when the data comes; the manifest then decides (a data update may bring real data).
 */
const SHIPPED_DATA = typeof __SHIPPED_DATA__ === 'undefined' ? null : __SHIPPED_DATA__

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

  function apply(next: CoreData) {
    manifest.value = next.manifest
    institutions.value = next.institutions
    zones.value = next.zones
    boundary.value = next.boundary
    // A missing or unreadable stored version is a first visit: nothing to announce.
    const previous = readSeenDataVersion()
    writeSeenDataVersion(next.manifest.dataVersion)
    updatedFrom.value = previous && previous !== next.manifest.dataVersion ? previous : ''
  }

  /** Loads the current data; if it is missing, corrupt or partial, shows the last good copy instead. Also the retry. */
  async function load() {
    status.value = 'loading'
    error.value = ''
    try {
      const result = await loadCoreData()
      apply(result.data)
      fallbackReason.value = result.fallbackReason
      status.value = 'ready'
      // Copying ~200 kB into Cache Storage costs main-thread time: not in the task that shows the data.
      void afterFirstScreen().then(result.remember)
    } catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause)
      status.value = 'error'
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
      pending = loadDataFile(name, manifest.value)
      loadedFiles.set(key, pending)
      pending.catch(() => loadedFiles.delete(key)) // a failure may be retried
    }
    return pending as Promise<T>
  }

  return { status, error, fallbackReason, updatedFrom, manifest, sample, generatedOn, institutions, zones, boundary, load, retry: load, loadFile }
})
