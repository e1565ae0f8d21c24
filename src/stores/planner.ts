import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { FeatureCollection, Point } from 'geojson'
import { toCoverageInputs, type SuggestedSite } from '../lib/coverage'
import { communitiesOnBasis } from '../lib/demand/communities-on-basis'
import type { CommunityProperties, IndicatorsFile, TargetsFile } from '../lib/types'
import { myPlannerData } from '../data/my-data-inputs'
import { PlannerSession } from '../planner/planner-session'
import type { PlannerSnapshot } from '../planner/types'
import { useDataStore, type InstitutionCollection, type ZoneCollection } from './data'
import { useMyDataStore } from './planner-my-data'
import { plannerBasisViews } from './planner-basis'
import { plannerSettingsState } from './planner-settings'
import { DEFAULT_SITE_CAPACITY, whatIfSitesState } from './planner-sites'

export type { BasisKind } from './planner-settings'
export { DEFAULT_SITE_CAPACITY, type HypotheticalSite } from './planner-sites'
export type CommunityCollection = FeatureCollection<Point, CommunityProperties>

/** The planners' coverage tool: settings, what-if sites and the engine's latest answer (plain data only). */
export const usePlannerStore = defineStore('planner', () => {
  const data = useDataStore()
  const myData = useMyDataStore()
  /** idle → loading → ready | error; back to idle when the engine is disposed. */
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref('')
  const snapshot = shallowRef<Readonly<PlannerSnapshot> | null>(null)
  const suggestions = shallowRef<readonly SuggestedSite[]>([])
  const suggesting = ref(false)
  /** The communities in use (the shipped ones, or 你的数据's counts), before the demand basis is applied. */
  const communityFile = shallowRef<CommunityCollection | null>(null)
  /** The institutions the engine counts (the shipped ones, or 你的数据's registry). */
  const institutionsInUse = shallowRef<InstitutionCollection | null>(null)
  /** The town outlines the engine counts by (the shipped ones, or with 你的数据's outlines). */
  const zonesInUse = shallowRef<ZoneCollection | null>(null)
  const indicators = shallowRef<IndicatorsFile | null>(null)
  // The engine's worker is a library object: held by this store instance, never in its state; dispose() ends it.
  const session = new PlannerSession({
    snapshot: (next) => { snapshot.value = Object.freeze(next) },
    failed: (message) => { error.value = message; status.value = 'error' },
  })
  const choices = plannerSettingsState()
  const { addSuggested, ...sites } = whatIfSitesState({
    changed: (next) => { suggestions.value = []; session.setSites(next) },
    moved: (id, lng, lat) => session.moveSite(id, lng, lat),
  })
  const metrics = computed(() => snapshot.value?.metrics ?? null)
  const { communities, indicatorsOnBasis, demand } = plannerBasisViews(communityFile, indicators, choices.demandBasis)

  /** Loads communities and indicators and starts the engine (a Web Worker); safe to call again. */
  async function init() {
    if (status.value === 'loading' || status.value === 'ready') return
    const { institutions, zones, boundary } = data
    if (!institutions || !zones || !boundary) return
    status.value = 'loading'
    const started = await session.start(async () => {
      const [loadedCommunities, indicatorFile] = await Promise.all([
        data.loadFile<CommunityCollection>('communities.geojson'), data.loadFile<IndicatorsFile>('indicators.json'), myData.load(),
      ])
      // 你的数据: the planner's own registry and counts, the indicators recomputed on them (see planner-my-data).
      const mine = myData.active && myData.record ? await myPlannerData(myData.record, {
        institutions, communities: loadedCommunities, targets: await data.loadFile<TargetsFile>('targets.json'), zones,
      }) : null
      communityFile.value = mine?.communities ?? loadedCommunities
      indicators.value = mine?.indicators ?? indicatorFile
      institutionsInUse.value = mine?.institutions ?? institutions
      zonesInUse.value = mine?.zones ?? zones
      const onBasis = communitiesOnBasis(communityFile.value, choices.demandBasis.value)
      return { ...toCoverageInputs(institutionsInUse.value, onBasis), zones: zonesInUse.value, boundary, settings: choices.settings.value }
    })
    if (started && status.value === 'loading') status.value = 'ready'
  }

  /** Ends the engine and terminates its worker; settings and what-if sites stay, and init() starts a new engine. */
  function dispose() {
    session.dispose()
    snapshot.value = null
    suggestions.value = []
    status.value = 'idle'
  }

  // New data (a retry, an update): start the engine again on it; the what-if sites are sent again.
  watch(() => data.institutions, (next, previous) => {
    if (!next || !previous || status.value !== 'ready') return
    status.value = 'idle'
    void init()
  })
  // The planner's own data imported, switched or removed: start again on what is now in use.
  watch(() => myData.revision, () => {
    if (status.value === 'idle') return
    status.value = 'idle'
    void init()
  })
  // Another under-3 basis: the same points with new counts (the engine keeps its grid and the hypothetical sites).
  watch(choices.demandBasis, () => {
    const next = communities.value
    if (next && institutionsInUse.value) session.setCommunities(toCoverageInputs(institutionsInUse.value, next).communities)
  })
  // A new radius, basis or threshold rebuilds the state (the engine keeps the hypothetical sites).
  watch(choices.settings, (next) => session.setSettings(next), { deep: true })

  async function suggest(count: number, capacity = DEFAULT_SITE_CAPACITY) {
    if (status.value !== 'ready') return
    suggesting.value = true
    try {
      const next = await session.suggest(count, capacity)
      if (next) suggestions.value = Object.freeze(next)
    } finally { suggesting.value = false }
  }
  /** One click: every suggested site becomes a hypothetical site. */
  function addSuggestions() { addSuggested(suggestions.value) }

  return {
    status, error, snapshot, suggestions, suggesting, communities, indicators, institutionsInUse: computed(() => institutionsInUse.value), zonesInUse: computed(() => zonesInUse.value), indicatorsOnBasis, demand, metrics, ...choices, ...sites,
    init, dispose, suggest, addSuggestions,
  }
})
