import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { FeatureCollection, Point } from 'geojson'
import {
  DEFAULT_DESERT_MAX_SCORE, DEFAULT_DESERT_MIN_UNDER3, DEFAULT_RADIUS_METERS, toCoverageInputs,
  type CoverageBasis, type CoverageSite, type SuggestedSite,
} from '../lib/coverage'
import { offsetByMeters } from '../lib/offset-by-meters'
import { INSTITUTION_TYPES, type AreaId, type CommunityProperties, type IndicatorsFile, type InstitutionType } from '../lib/types'
import { createEngineClient, type EngineClient, type RemoteEngine } from '../planner/engine-client'
import type { PlannerSettings, PlannerSnapshot } from '../planner/types'
import { useDataStore } from './data'

export type BasisKind = 'all' | 'puhui' | 'types'
/** A planner's what-if site: never part of the registry data; `number` is its label on the map. */
export type HypotheticalSite = CoverageSite & { hypothetical: true; number: number }
export type CommunityCollection = FeatureCollection<Point, CommunityProperties>

/** Default 托位 of a new or suggested site (a typical community 普惠 point). */
export const DEFAULT_SITE_CAPACITY = 40

/** The planners' coverage tool: settings, what-if sites and the engine's latest answer (plain data only). */
export const usePlannerStore = defineStore('planner', () => {
  const data = useDataStore()
  /** idle → loading → ready | error */
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref('')
  /** Walking radius of the 15-minute circle, metres (300–3,000). */
  const radiusMeters = ref(DEFAULT_RADIUS_METERS)
  /** Which sites count: all, 普惠 only, or the chosen types. */
  const basisKind = ref<BasisKind>('all')
  const basisTypes = ref<InstitutionType[]>([...INSTITUTION_TYPES])
  /** 托育荒漠 thresholds: at least this many under-3 … */
  const desertMinUnder3 = ref(DEFAULT_DESERT_MIN_UNDER3)
  /** … and an E2SFCA score below this (托位 per 1,000 under-3). */
  const desertMaxScore = ref(DEFAULT_DESERT_MAX_SCORE)
  /** Area shown in the tables and the report; null is the whole city. */
  const area = ref<AreaId | null>(null)
  /** The planner's what-if sites, in the order placed. */
  const hypothetical = ref<HypotheticalSite[]>([])
  /** true: the next map tap places a hypothetical site. */
  const placing = ref(false)
  const snapshot = shallowRef<Readonly<PlannerSnapshot> | null>(null)
  const suggestions = shallowRef<readonly SuggestedSite[]>([])
  const suggesting = ref(false)
  const communities = shallowRef<CommunityCollection | null>(null)
  const indicators = shallowRef<IndicatorsFile | null>(null)
  let nextNumber = 1
  // The worker is a library object: held by this store instance, never in its state; dispose() ends it.
  let engine: EngineClient | null = null

  const basis = computed<CoverageBasis>(() =>
    basisKind.value === 'types' ? [...basisTypes.value] : basisKind.value)
  const settings = computed<PlannerSettings>(() => ({
    radiusMeters: radiusMeters.value, basis: basis.value,
    desertMinUnder3: desertMinUnder3.value, desertMaxScore: desertMaxScore.value,
  }))
  const metrics = computed(() => snapshot.value?.metrics ?? null)

  function fail(cause: unknown) {
    error.value = cause instanceof Error ? cause.message : String(cause)
    status.value = 'error'
  }
  // Bumped by dispose(): answers and failures of an ended engine are dropped.
  let session = 0
  /** Runs engine calls; null when the engine failed (status says why) or was disposed meanwhile. */
  async function call<T>(work: (remote: RemoteEngine) => Promise<T>): Promise<T | null> {
    const client = engine
    const mine = session
    if (!client) return null
    try {
      const result = await client.run(work)
      return mine === session ? result : null
    } catch (cause) {
      if (mine === session) fail(cause)
      return null
    }
  }
  async function update(work: (remote: RemoteEngine) => Promise<PlannerSnapshot>): Promise<void> {
    const next = await call(work)
    if (next) snapshot.value = Object.freeze(next)
  }

  /** Loads communities and indicators and starts the engine (a Web Worker); safe to call again. */
  async function init() {
    if (status.value === 'loading' || status.value === 'ready') return
    if (!data.institutions || !data.zones || !data.boundary) return
    const { institutions, zones, boundary } = data
    const mine = session
    status.value = 'loading'
    try {
      const [communityFile, indicatorFile] = await Promise.all([
        data.loadFile<CommunityCollection>('communities.geojson'), data.loadFile<IndicatorsFile>('indicators.json'),
      ])
      if (mine !== session) return
      communities.value = communityFile
      indicators.value = indicatorFile
      const input = { ...toCoverageInputs(institutions, communityFile), zones, boundary, settings: settings.value }
      engine ??= createEngineClient()
      await update((remote) => remote.init(input))
      if (status.value !== 'loading') return
      const sent = hypothetical.value
      await update((remote) => remote.setSites(plainSites()))
      if (mine !== session || status.value !== 'loading') return
      status.value = 'ready'
      // Sites placed or moved while the engine started were not sent (it was not ready): send them now.
      if (hypothetical.value !== sent) void update((remote) => remote.setSites(plainSites()))
    } catch (cause) {
      if (mine === session) fail(cause)
    }
  }

  /** Ends the engine and terminates its worker; settings and what-if sites stay, and init() starts a new engine. */
  function dispose() {
    session += 1
    engine?.dispose()
    engine = null
    snapshot.value = null
    suggestions.value = []
    status.value = 'idle'
  }

  const plainSites = (): CoverageSite[] => hypothetical.value.map((site) => ({ ...site }))
  const ready = () => status.value === 'ready'

  // New data (a retry, an update): start the engine again on it; the what-if sites are sent again by init().
  watch(() => data.institutions, (next, previous) => {
    if (!next || !previous || status.value !== 'ready') return
    status.value = 'idle'
    void init()
  })
  // A new radius, basis or threshold rebuilds the state (the engine keeps the hypothetical sites).
  watch(settings, (next) => { if (ready()) void update((remote) => remote.setSettings(next)) }, { deep: true })

  function setSites(next: HypotheticalSite[]) {
    hypothetical.value = next
    suggestions.value = []
    const sites = plainSites()
    if (ready()) void update((remote) => remote.setSites(sites))
  }

  function addSite(lng: number, lat: number, capacity = DEFAULT_SITE_CAPACITY) {
    const number = nextNumber++
    setSites([...hypothetical.value, { id: `hypothetical-${number}`, number, lng, lat, capacity, puhui: true, type: 'community', hypothetical: true }])
    placing.value = false
  }
  function setCapacity(id: string, capacity: number) {
    setSites(hypothetical.value.map((site) => (site.id === id ? { ...site, capacity: Math.max(0, Math.round(capacity)) } : site)))
  }
  /** Moves a site by metres east and north (the keyboard's way to drag). */
  function nudgeSite(id: string, eastMeters: number, northMeters: number) {
    const site = hypothetical.value.find((candidate) => candidate.id === id)
    if (!site) return
    const [lng, lat] = offsetByMeters(site.lng, site.lat, eastMeters, northMeters)
    moveSite(id, lng, lat)
  }
  function removeSite(id: string) { setSites(hypothetical.value.filter((site) => site.id !== id)) }
  /** Back to the data: every hypothetical site goes. */
  function reset() {
    setSites([])
    placing.value = false
  }
  function setPlacing(next: boolean) { placing.value = next }

  // Drag frames: at most one move in flight; the latest position waits for it (the engine is incremental).
  let moving = false
  let pendingMove: { id: string; lng: number; lat: number } | null = null
  async function flushMove() {
    if (moving || !pendingMove) return
    const move = pendingMove
    pendingMove = null
    moving = true
    try { await update((remote) => remote.moveSite(move.id, move.lng, move.lat)) } finally { moving = false }
    void flushMove()
  }
  /** Moves a hypothetical site (called on every drag frame). */
  function moveSite(id: string, lng: number, lat: number) {
    if (!hypothetical.value.some((site) => site.id === id)) return
    hypothetical.value = hypothetical.value.map((site) => (site.id === id ? { ...site, lng, lat } : site))
    if (!ready()) return
    pendingMove = { id, lng, lat }
    void flushMove()
  }

  async function suggest(count: number, capacity = DEFAULT_SITE_CAPACITY) {
    if (!ready()) return
    suggesting.value = true
    try {
      const next = await call((remote) => remote.suggest(count, capacity))
      if (next) suggestions.value = Object.freeze(next)
    } finally { suggesting.value = false }
  }
  /** One click: every suggested site becomes a hypothetical site. */
  function addSuggestions() {
    const added = suggestions.value.map(({ site }) => {
      const number = nextNumber++
      return { ...site, id: `hypothetical-${number}`, number, hypothetical: true as const }
    })
    setSites([...hypothetical.value, ...added])
  }

  return {
    status, error, radiusMeters, basisKind, basisTypes, desertMinUnder3, desertMaxScore, area, hypothetical, placing,
    snapshot, suggestions, suggesting, communities, indicators, basis, settings, metrics,
    init, dispose, addSite, setCapacity, nudgeSite, removeSite, reset, setPlacing, moveSite, suggest, addSuggestions,
  }
})
