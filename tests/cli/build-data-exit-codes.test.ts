import { cpSync, existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, test } from 'vitest'
import { reportError, UnusableInput } from '../../scripts/build-data-cli'
import { RegistryInputError } from '../../src/lib/registry/registry-input-error'
import { ROOT, runBuild, runScript, STACK_FRAME, tempDir } from './run-build'

const CLI = pathToFileURL(path.join(ROOT, 'scripts/build-data-cli.ts')).href
const INPUT_ERROR = pathToFileURL(path.join(ROOT, 'src/lib/registry/registry-input-error.ts')).href

/** A real process whose main is `body`, run through the build's top-level handler exactly as build-data.ts does. */
function runMain(body: string, args: string[] = []) {
  const script = path.join(tempDir('build-data-cli-'), 'main.mts')
  writeFileSync(script, [
    `import { runCli, UnusableInput } from '${CLI}'`,
    `import { RegistryInputError } from '${INPUT_ERROR}'`,
    `void UnusableInput; void RegistryInputError`,
    `runCli(async () => { ${body} }, process.argv.slice(2))`,
  ].join('\n'))
  return runScript(script, args)
}

describe('the top-level handler of scripts/build-data.ts', () => {
  test.concurrent.each([
    { label: 'an unexpected TypeError', body: 'throw new TypeError("boom")', code: 3, line: 'build-data: internal error: boom (run with --debug for details)' },
    { label: 'a rejection with a non-Error value', body: 'throw "odd"', code: 3, line: 'build-data: internal error: odd (run with --debug for details)' },
    {
      label: 'an error thrown outside the promise chain', body: 'setTimeout(() => { throw new RangeError("late") }); return new Promise<number>(() => {})',
      code: 3, line: 'build-data: internal error: late (run with --debug for details)',
    },
    { label: 'a multi-line message', body: 'throw new Error("first\\nsecond")', code: 3, line: 'build-data: internal error: first second (run with --debug for details)' },
    { label: 'unusable input', body: 'throw new UnusableInput("x.csv: file not found")', code: 2, line: 'build-data: x.csv: file not found' },
    { label: 'a registry the library refuses', body: 'throw new RegistryInputError("no header row", "no-header")', code: 2, line: 'build-data: no header row' },
    { label: '--strict with rejected rows', body: 'return 1', code: 1, line: '' },
    { label: 'a finished build', body: 'return 0', code: 0, line: '' },
  ])('$label: exit $code, at most one line on stderr, no stack trace', async ({ body, code, line }) => {
    const run = await runMain(body)
    expect(run.code).toBe(code)
    expect(run.stderr.trim()).toBe(line)
    expect(run.stderr + run.stdout).not.toMatch(STACK_FRAME)
  })

  test('--debug adds the stack trace of an unexpected error', async () => {
    const run = await runMain('throw new TypeError("boom")', ['--debug'])
    expect(run.code).toBe(3)
    const [first, ...rest] = run.stderr.trim().split('\n')
    expect(first).toBe('build-data: internal error: boom')
    expect(rest[0]).toBe('TypeError: boom')
    expect(rest.join('\n')).toMatch(STACK_FRAME)
  })
})

describe('reportError', () => {
  test.each([
    [new UnusableInput('a.csv: file not found'), 2, ['build-data: a.csv: file not found']],
    [new RegistryInputError('undecodable bytes', 'undecodable'), 2, ['build-data: undecodable bytes']],
    [new Error('at most 65,535 sites'), 3, ['build-data: internal error: at most 65,535 sites (run with --debug for details)']],
    [null, 3, ['build-data: internal error: null (run with --debug for details)']],
  ])('%s → exit %i, one line', (error, code, lines) => {
    const printed: string[] = []
    expect(reportError(error, false, (line) => printed.push(line))).toBe(code)
    expect(printed).toEqual(lines)
  })

  test('with --debug, prints the cause of a wrapped error too', () => {
    const printed: string[] = []
    const cause = new TypeError('inner')
    expect(reportError(new UnusableInput('units.json: inner', { cause }), true, (line) => printed.push(line))).toBe(2)
    expect(printed[0]).toBe('build-data: units.json: inner')
    expect(printed.slice(1).join('\n')).toContain('TypeError: inner')
  })
})

test('more zones than the coverage engine takes (a towns.geojson of 126 towns) stops up front: exit 2, one line, no outputs', async () => {
  const sources = tempDir('build-data-zones-')
  cpSync(path.join(ROOT, 'data/sources'), sources, { recursive: true })
  const square = (index: number) => {
    const [west, south] = [120.3 + (index % 14) * 0.03, 31.75 + Math.floor(index / 14) * 0.03]
    return [[[west, south], [west + 0.02, south], [west + 0.02, south + 0.02], [west, south + 0.02], [west, south]]]
  }
  writeFileSync(path.join(sources, 'towns.geojson'), JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: 126 }, (_, index) => ({ type: 'Feature', properties: { name: `镇${index}` }, geometry: { type: 'Polygon', coordinates: square(index) } })),
  }))
  const out = tempDir('build-data-out-')
  const run = await runBuild(['--sources', sources, '--out', out, '--reports', tempDir('build-data-reports-')])
  expect(run.code).toBe(2)
  expect(run.stderr.trim()).toBe('build-data: 126 zones: the coverage engine takes at most 125')
  expect(run.stderr + run.stdout).not.toMatch(STACK_FRAME)
  expect(existsSync(path.join(out, 'manifest.json'))).toBe(false)
})
