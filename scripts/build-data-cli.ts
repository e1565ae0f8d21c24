/**
 * The command-line shell of scripts/build-data.ts: options, and the one top-level handler that turns every
 * failure into an exit code and one line on stderr (a stack trace only with --debug).
 */
import path from 'node:path'
import { RegistryInputError } from '../src/lib/registry/registry-input-error'

/** Input that cannot be used at all: reported as one line, exit code 2. */
export class UnusableInput extends Error {}

export const EXIT = { done: 0, strictRejected: 1, unusableInput: 2, internalError: 3 } as const

export interface Options {
  registry: string
  out: string
  reports: string
  sources: string
  strict: boolean
  debug: boolean
}

const USAGE = 'use --registry <file>, --out <dir>, --reports <dir>, --sources <dir>, --strict, --debug'

/** Reads argv over the defaults; the reports folder may never be one the app serves. */
export function parseOptions(argv: readonly string[], root: string): Options {
  const options: Options = {
    registry: path.join(root, 'data/sources/registry-sample.csv'),
    out: path.join(root, 'public/data'),
    reports: path.join(root, 'reports'),
    sources: path.join(root, 'data/sources'),
    strict: false,
    debug: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [name, inline] = arg.split(/=(.*)/s, 2)
    const value = () => {
      const next = inline ?? argv[++i]
      if (next === undefined || next === '') throw new UnusableInput(`option ${name} needs a value`)
      return path.resolve(next)
    }
    if (name === '--registry') options.registry = value()
    else if (name === '--out') options.out = value()
    else if (name === '--reports') options.reports = value()
    else if (name === '--sources') options.sources = value()
    else if (arg === '--strict') options.strict = true
    else if (arg === '--debug') options.debug = true
    else throw new UnusableInput(`unknown option ${arg} (${USAGE})`)
  }
  const inside = (dir: string, parent: string) => {
    const relative = path.relative(parent, dir)
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
  }
  const served = [options.out, path.join(root, 'public'), path.join(root, 'dist')]
  if (served.some((dir) => inside(options.reports, dir))) {
    throw new UnusableInput(`--reports ${options.reports} is inside a served folder (${served.join(', ')}): reports must stay private`)
  }
  return options
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Prints the error as one line (plus its stack, and its cause's, with --debug) and gives its exit code:
 * 2 for input that cannot be used, 3 for anything else.
 */
export function reportError(error: unknown, debug: boolean, print: (line: string) => void = console.error): number {
  const expected = error instanceof UnusableInput || error instanceof RegistryInputError
  const message = error instanceof Error ? error.message : String(error)
  print(`build-data: ${expected ? '' : 'internal error: '}${oneLine(message) || 'unknown error'}${expected || debug ? '' : ' (run with --debug for details)'}`)
  for (let cause: unknown = error; debug && cause instanceof Error; cause = cause.cause) print(cause.stack ?? cause.message)
  return expected ? EXIT.unusableInput : EXIT.internalError
}

/**
 * Runs `main` and sets the exit code: its own result, 2 for unusable input, 3 for anything unexpected (also an
 * error thrown outside the promise chain). Never lets Node print a stack trace unless --debug asks for one.
 */
export function runCli(main: (argv: readonly string[]) => Promise<number>, argv: readonly string[]): void {
  const debug = argv.includes('--debug')
  let failed = false
  const fail = (error: unknown) => {
    if (failed) return
    failed = true
    process.exitCode = reportError(error, debug)
  }
  // Thrown outside main's promise chain: nothing of the build can be trusted any more, so stop now.
  const stop = (error: unknown) => {
    fail(error)
    process.exit()
  }
  process.on('uncaughtException', stop)
  process.on('unhandledRejection', stop)
  main(argv).then((code) => { if (!failed) process.exitCode = code }, fail)
}
