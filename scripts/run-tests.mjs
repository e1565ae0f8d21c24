// `npm test`: lint, type-check, unit + component tests, the build script's CLI tests, data + app build, then the
// real-browser tests against the built app. Ends with one plain line `tests: N passed, N failed` (static checks and
// builds count as one test each).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs'

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
let passed = 0
let failed = 0
const summary = []

function run(label, command, args, extraEnv = {}) {
  const started = Date.now()
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } })
  const ok = result.status === 0
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}

function check(label, command, args, extraEnv) {
  const ok = run(label, command, args, extraEnv)
  if (ok) passed++
  else failed++
  return ok
}

function vitest(label, projects, reportFile, extraEnv = {}) {
  rmSync(reportFile, { force: true })
  const projectArgs = projects.flatMap((project) => ['--project', project])
  const ok = run(label, 'npx', ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], extraEnv)
  if (!existsSync(reportFile)) {
    failed++
    summary.push(`FAIL ${label}: no report written`)
    return
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests + report.numPendingTests + report.numTodoTests
  // A suite that fails to load has no tests counted: count it as a failure.
  const brokenSuites = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0)
  failed += brokenSuites.length
  if (!ok && report.numFailedTests === 0 && brokenSuites.length === 0) failed++
  summary.push(`     ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`)
}

mkdirSync('tmp', { recursive: true })
check('lint', 'npx', ['eslint', '.'])
check('type-check', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.json'])
check('type-check src/lib without the DOM', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.lib.json'])
vitest('unit + component tests', ['unit', 'component'], 'tmp/vitest-unit.json')
vitest('build-script CLI tests', ['cli'], 'tmp/vitest-cli.json')
// The real-browser tests run on a build with the test hooks, kept apart from dist/ (the production build that
// `npm start` serves and `npm run bench` measures), so neither command ever serves or measures the other's build.
const E2E_DIST = 'tmp/e2e-dist'
const built = check('build data', 'npm', ['run', '--silent', 'data'])
  && check('build app', 'npx', ['vite', 'build', '--outDir', E2E_DIST, '--emptyOutDir'], { VITE_TEST_HOOKS: '1' })
if (built) vitest('real-browser tests', ['e2e'], 'tmp/vitest-e2e.json', { E2E_DIST })
else { failed++; summary.push('FAIL real-browser tests: not run, the build failed') }

console.log('\n' + summary.join('\n'))
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
