// `npm run bench`: every speed and size target in one run, side by side —
// the coverage engine against naive Turf (issue 4), the data build on a 100,000-row registry (issue 11), the map's
// filter toggle with 10,000 institutions (issue 3), importing a 20,000-row registry into the planner (issue 13),
// the nearby answer time (issue 10) and the bundle/data size budgets (issue 5). Builds the data and the production
// app (dist/) first.
import { spawnSync } from 'node:child_process'

// No test hooks in the measured build, whatever the shell says (bench-map.ts builds its own test build apart).
const env = { ...process.env, NO_COLOR: '1', VITE_TEST_HOOKS: '' }
const results = []

function step(label, command, args) {
  console.log(`\n=== ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  results.push(`${result.status === 0 ? 'ok  ' : 'FAIL'} ${label}`)
  return result.status === 0
}

step('coverage engine vs naive Turf', 'npx', ['tsx', 'scripts/bench.ts'])
step('data build, 100,000-row registry (time and peak memory)', 'npx', ['tsx', 'scripts/bench-build-data.ts', '100000'])
// Always the production build: dist/ could hold a hand-made build with the test hooks, which would be measured instead.
step('build data', 'npm', ['run', '--silent', 'data'])
step('build app (production)', 'npx', ['vite', 'build'])
step('map filter toggle, 10,000 institutions (headless Chromium)', 'npx', ['tsx', 'scripts/bench-map.ts'])
step('my data: import a 20,000-row registry in the planner (headless Chromium)', 'npx', ['tsx', 'scripts/bench-my-data.ts'])
step('nearby answer time, 390×844 under 4× CPU throttling (headless Chromium)', 'npx', ['tsx', 'scripts/bench-nearby.ts'])
step('bundle and data size budgets', 'node', ['scripts/check-dist.mjs'])

console.log('\n' + results.join('\n'))
process.exit(results.some((line) => line.startsWith('FAIL')) ? 1 : 0)
