/**
 * npm run bench (and `npx tsx scripts/bench-build-data.ts [rows]`): times the real data build on a large registry
 * and reads its peak memory. Targets (issue 11): 100,000 rows in ≤ 30 s and ≤ 1.5 GB on this machine.
 *
 * The registry is synthetic and seeded: the rows of data/sources/registry-sample.csv repeated with new ids, numbered
 * names and positions moved up to ~300 m (kept inside the city). The build runs in a child process whose own
 * `process.resourceUsage().maxRSS` is reported at exit; everything is written to a temp folder and removed.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { booleanPointInPolygon } from '@turf/turf'
import type { Feature, FeatureCollection, Polygon } from 'geojson'
import { escapeCsvCell } from '../src/lib/export/escape-csv-cell'
import { parseCsv } from '../src/lib/registry/parse-csv'
import { toWgs84 } from '../src/lib/registry/to-wgs84'
import { seededRandom } from '../src/lib/seeded-random'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TARGET_SECONDS = 30
const TARGET_GB = 1.5
const rows = Number(process.argv[2] ?? 100_000)
/** Printed by the build process itself on exit, so the figure is the build's and not a wrapper's. */
const REPORT_USAGE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('bench-usage '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`

/** A registry of `count` rows made from the sample export's rows, seeded. */
function syntheticRegistry(count: number): string {
  const sample = parseCsv(readFileSync(path.join(ROOT, 'data/sources/registry-sample.csv'), 'utf8').replace(/^\uFEFF/, ''))
  const [header, ...templates] = sample.map((record) => record.cells)
  const column = (name: string) => header.indexOf(name)
  const [id, name, lon, lat] = [column('机构编号'), column('机构名称'), column('经度'), column('纬度')]
  const boundaryFile = JSON.parse(readFileSync(path.join(ROOT, 'data/sources/boundary.geojson'), 'utf8')) as FeatureCollection<Polygon>
  const boundary = boundaryFile.features[0] as Feature<Polygon>
  const random = seededRandom('bench-build-data-v1')
  const lines = [header.map(escapeCsvCell).join(',')]
  for (let index = 0; index < count; index++) {
    const cells = [...templates[index % templates.length]]
    cells[id] = `BENCH${String(index).padStart(6, '0')}`
    cells[name] = cells[name].replace('（示例）', `${index}号（示例）`)
    for (let attempt = 0; attempt < 10; attempt++) {
      const position: [number, number] = [Number(cells[lon]) + (random() - 0.5) * 0.006, Number(cells[lat]) + (random() - 0.5) * 0.006]
      if (booleanPointInPolygon(toWgs84(position, 'GCJ02'), boundary)) {
        [cells[lon], cells[lat]] = [position[0].toFixed(6), position[1].toFixed(6)]
        break
      }
    }
    lines.push(cells.map(escapeCsvCell).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

const dir = mkdtempSync(path.join(tmpdir(), 'bench-build-data-'))
try {
  const registry = path.join(dir, 'registry.csv')
  writeFileSync(registry, syntheticRegistry(rows))
  console.log(`Data build benchmark: ${rows.toLocaleString('en-US')} synthetic rows (seeded), load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`)
  const started = performance.now()
  // The same heap cap as `npm run data` (package.json): V8 collects sooner, and 100,000 rows peak at ~1.35 GB, not ~1.65 GB.
  const build = spawnSync(process.execPath, ['--max-old-space-size=1536', '--import', 'tsx', '--import', REPORT_USAGE, path.join(ROOT, 'scripts/build-data.ts'),
    '--registry', registry, '--out', path.join(dir, 'out'), '--reports', path.join(dir, 'reports')], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1' },
  })
  const seconds = (performance.now() - started) / 1000
  const [maxRssKb, cpuMicroseconds] = (build.stderr.match(/bench-usage (\d+) (\d+)/)?.slice(1) ?? ['NaN', 'NaN']).map(Number)
  const gb = maxRssKb / 1024 / 1024
  const stages = build.stdout.split('\n').filter((line) => /^\S.*\s\d+ ms|^rows:|^done/.test(line))
  for (const line of stages) console.log(`  ${line}`)
  const problem = build.stderr.split('\n').find((line) => line.startsWith('build-data:'))
  if (build.status !== 0) {
    console.log(`\nThe build exited ${build.status}: ${problem ?? build.stderr.trim().split('\n')[0] ?? ''}`)
    if (/65,535 sites/.test(problem ?? '')) {
      console.log('  → the coverage engine still caps a build at 65,535 sites on this branch (the fix is in src/lib/coverage).')
    }
  }
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
  // CPU time says what the build costs when other jobs share the machine and stretch its wall time.
  console.log(`\nTargets (${rows.toLocaleString('en-US')} rows): time ${seconds.toFixed(1)} s wall, ${(cpuMicroseconds / 1e6).toFixed(1)} s CPU `
    + `(≤ ${TARGET_SECONDS} s) → ${verdict(build.status === 0 && seconds <= TARGET_SECONDS)}; `
    + `peak memory ${gb.toFixed(2)} GB (≤ ${TARGET_GB} GB) → ${verdict(build.status === 0 && gb <= TARGET_GB)}`)
  process.exitCode = build.status === 0 ? 0 : 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
