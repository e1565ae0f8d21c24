import { defineStore } from 'pinia'
import { proxy } from 'comlink'
import { computed, ref, shallowRef } from 'vue'
import { MyDataCancelled, runMyDataJob, type MyDataJob } from '../data/my-data-client'
import { clearMyData, readMyData, writeMyData } from '../data/my-data-store'
import type { CommunityRef } from '../data/my-data-population'
import type { ImportFailure, ImportProgress, ImportReport, ImportResult, MyDataRecord, PopulationImport, RegistryImport, ZonesImport } from '../data/my-data-types'
import { useDataStore } from './data'

export type MyDataKind = 'registry' | 'population' | 'zones'

const hasData = (record: Readonly<MyDataRecord> | null) => Boolean(record && (record.registry || record.population || record.zones))

/** The planner's own data (我的数据): what is kept on the device, the switch, and the import in progress. */
export const useMyDataStore = defineStore('plannerMyData', () => {
  const data = useDataStore()
  /** The kept record (IndexedDB), null when there is none. */
  const record = shallowRef<Readonly<MyDataRecord> | null>(null)
  const loaded = ref(false)
  /** The import in progress and how far it is; null when none runs. */
  const importing = ref<MyDataKind | null>(null)
  const progress = ref<ImportProgress | null>(null)
  /** The last finished import's report (kept or not), and the reason when a file could not be used. */
  const report = shallowRef<Readonly<ImportReport> | null>(null)
  const error = shallowRef<Readonly<Omit<ImportFailure, 'ok'>> | null>(null)
  /** The last import was cancelled (nothing of it kept); cleared by the next import. */
  const cancelled = ref(false)
  /** Whether the planner computes on the planner's data (你的数据) rather than the shipped one (示例数据). */
  const active = computed(() => Boolean(record.value?.active && hasData(record.value)))
  /** The kept files' names, joined as the basis line lists them (registry、population、town outlines). */
  const fileNames = computed(() => {
    const kept = record.value
    return kept ? [kept.registry?.fileName, kept.population?.fileName, kept.zones?.fileName].filter(Boolean).join('、') : ''
  })
  /** Bumped whenever what the planner should compute on changes. */
  const revision = ref(0)
  let job: MyDataJob<unknown> | null = null
  let loading: Promise<void> | null = null

  /** Reads the kept record once; later calls wait for the same read. */
  function load(): Promise<void> {
    loading ??= readMyData().then((kept) => { record.value = kept; loaded.value = true })
    return loading
  }

  async function keep(next: MyDataRecord | null) {
    if (next) await writeMyData(next)
    else await clearMyData()
    record.value = next ? Object.freeze(next) : null
    revision.value += 1
  }

  /** Imports a file of `kind` in the import worker; a usable file is kept and switched on. */
  async function importFile(kind: MyDataKind, file: File, communities: CommunityRef[]) {
    if (importing.value) return
    await load()
    importing.value = kind
    progress.value = { stage: 'read', done: 0, total: file.size }
    report.value = null
    error.value = null
    cancelled.value = false
    const bytes = new Uint8Array(await file.arrayBuffer())
    // A progress message already on its way when the job ends (a cancel) must not bring the bar back.
    let running = true
    const onProgress = proxy((next: ImportProgress) => { if (running) progress.value = next })
    const shippedZones = (data.zones?.features ?? []).map((feature) => feature.properties)
    const started = runMyDataJob((api): Promise<ImportResult<RegistryImport | PopulationImport | ZonesImport>> => {
      if (kind === 'registry') return api.importRegistry(bytes, file.name, onProgress)
      return kind === 'population' ? api.importPopulation(bytes, file.name, communities) : api.importZones(bytes, file.name, shippedZones)
    })
    job = started
    try {
      const answer = await started.result
      if (!answer.ok) { error.value = { message: answer.message, code: answer.code, params: answer.params }; return }
      report.value = Object.freeze(answer.result)
      const base = record.value ?? { registry: null, population: null, zones: null, active: true, importedAt: '' }
      await keep({ ...base, [kind]: answer.result, active: true, importedAt: new Date().toISOString() })
    } catch (cause) {
      if (cause instanceof MyDataCancelled) cancelled.value = true
      else error.value = { message: cause instanceof Error ? cause.message : String(cause) }
    } finally {
      running = false
      job = null
      importing.value = null
      progress.value = null
    }
  }

  /** Stops the running import; nothing of it is kept. */
  function cancel() { job?.cancel() }

  /** The 你的数据 / 示例数据 switch. */
  async function setActive(next: boolean) {
    if (record.value && record.value.active !== next) await keep({ ...record.value, active: next })
  }

  /** Removes the planner's data from the device (one kind, or all): the shipped data comes back. */
  async function remove(kind?: MyDataKind) {
    const current = record.value
    if (!current) return
    const next = kind ? { ...current, [kind]: null } : null
    report.value = null
    await keep(next && hasData(next) ? next : null)
  }

  return { record, loaded, importing, progress, report, error, cancelled, active, fileNames, revision, load, importFile, cancel, setActive, remove }
})
