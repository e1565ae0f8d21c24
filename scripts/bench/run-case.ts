// One benchmark measurement in its own process, so that its peak memory (maxRSS) is its own.
// Usage: node --import tsx scripts/bench/run-case.ts <baseline|engine|naive|reference|drag|large> <sites> <communities>
import { createCoverageGrid, createCoverageState } from '../../src/lib/coverage'
import { bruteForceCoveredUnder3 } from './brute-force'
import { fineReference } from './fine-reference'
import { naiveTurfCoverage } from './naive-turf'
import { seededRandom } from '../../src/lib/seeded-random'
import { syntheticData } from './synthetic-data'

const RADIUS = 1000
const [mode, sitesArg, communitiesArg] = process.argv.slice(2)
const data = syntheticData({ sites: Number(sitesArg), communities: Number(communitiesArg) })
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * p)]

const cpuMs = (since: NodeJS.CpuUsage) => { const used = process.cpuUsage(since); return (used.user + used.system) / 1000 }

function engineOnce() {
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary, cellSizeMeters: 25 })
  const gridMs = performance.now() - start
  const stateCpuStart = process.cpuUsage()
  const state = createCoverageState({ sites: data.sites, communities: data.communities, grid, radiusMeters: RADIUS })
  const metrics = state.metrics()
  const ms = performance.now() - start
  const cpu = cpuMs(cpuStart), stateCpu = cpuMs(stateCpuStart)
  // E2SFCA is built on the first accessibility() call: timed on its own, after the run's own clock has stopped.
  const accessibilityCpuStart = process.cpuUsage()
  const accessibilityStart = performance.now()
  state.accessibility()
  const accessibility = { ms: performance.now() - accessibilityStart, cpuMs: cpuMs(accessibilityCpuStart) }
  // stateMs: the part a recompute costs once the city's frame exists (the app and the build script reuse it).
  return { ms, cpuMs: cpu, gridMs, stateMs: ms - gridMs, stateCpuMs: stateCpu, metrics, state, accessibility }
}

/** One build of a large registry (no repeats): frame, state and metrics, then every count-grid row materialised. */
function largeOnce(): Record<string, unknown> {
  const start = performance.now()
  const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary, cellSizeMeters: 25 })
  const state = createCoverageState({ sites: data.sites, communities: data.communities, grid, radiusMeters: RADIUS })
  const metrics = state.metrics()
  const buildMs = performance.now() - start
  const countsStart = performance.now()
  state.cellCounts()
  return { buildMs, countsMs: performance.now() - countsStart, cityShare: metrics.city.areaShare }
}

function run(): Record<string, unknown> {
  if (mode === 'baseline') return {}
  if (mode === 'large') return largeOnce()
  if (mode === 'engine') {
    const cold = engineOnce()
    // Steady state: the first half of the repeats let the JIT settle; the median of the second half is "warm".
    // Only the timings are kept, so no run pays for the garbage of the states before it.
    const repeats = Array.from({ length: data.sites.length >= 10000 ? 10 : 30 }, () => {
      const { state: _state, metrics: _metrics, ...timings } = engineOnce()
      return timings
    })
    const runs = repeats.slice(repeats.length / 2)
    const { metrics } = cold
    const accessibility = [cold, ...repeats].map((run) => run.accessibility)
    return {
      accessibilityColdMs: accessibility[0].ms,
      accessibilityWarmMs: median(accessibility.slice(1 + repeats.length / 2).map((a) => a.ms)),
      accessibilityWarmCpuMs: median(accessibility.slice(1 + repeats.length / 2).map((a) => a.cpuMs)),
      coldMs: cold.ms, warmMs: median(runs.map((r) => r.ms)), warmCpuMs: median(runs.map((r) => r.cpuMs)),
      gridMs: median(runs.map((r) => r.gridMs)), coldGridMs: cold.gridMs,
      warmStateMs: median(runs.map((r) => r.stateMs)), warmStateCpuMs: median(runs.map((r) => r.stateCpuMs)),
      coveredUnder3: metrics.city.coveredUnder3, cityShare: metrics.city.areaShare,
      zoneShares: Object.values(metrics.areas).map((area) => area.areaShare),
    }
  }
  if (mode === 'naive') {
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    const result = naiveTurfCoverage(data, RADIUS)
    return { ms: performance.now() - start, cpuMs: cpuMs(cpuStart), coveredUnder3: result.coveredUnder3, cityShare: result.cityAreaShare, zoneShares: result.zoneAreaShares }
  }
  if (mode === 'reference') {
    const start = performance.now()
    const coveredUnder3 = bruteForceCoveredUnder3(data, RADIUS)
    const bruteMs = performance.now() - start
    const reference = fineReference(data, RADIUS, 2)
    return { coveredUnder3, bruteMs, cityShare: reference.city, zoneShares: reference.zones, referenceMs: performance.now() - start - bruteMs }
  }
  if (mode === 'drag') {
    const { state } = engineOnce()
    engineOnce()
    const full = Array.from({ length: 7 }, () => engineOnce().ms)
    const random = seededRandom(99)
    const start = data.communities[0]
    state.accessibility() // make E2SFCA live, so every frame below updates it too
    state.addSite({ id: 'drag', lng: start.lng, lat: start.lat, capacity: 40, puhui: true, type: 'community', hypothetical: true })
    let lng = start.lng, lat = start.lat
    const frames: number[] = []
    for (let frame = 0; frame < 3000; frame++) {
      lng += (random() - 0.5) * 0.0002 // ≈ ±10 m per frame, a finger drag
      lat += (random() - 0.5) * 0.0002
      const begin = performance.now()
      state.moveSite('drag', lng, lat)
      frames.push(performance.now() - begin)
    }
    const steady = frames.slice(500) // after JIT warm-up and first touches of lazily built rows
    return { fullMs: median(full), dragMedianMs: median(steady), dragP95Ms: percentile(steady, 0.95), dragMaxMs: Math.max(...steady) }
  }
  throw new Error(`unknown mode ${mode}`)
}

const result = run()
process.stdout.write(JSON.stringify({ ...result, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n')
