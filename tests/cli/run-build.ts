import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// node with tsx's loader: what `tsx` runs, minus the extra parent process tsx's own CLI adds.
const NODE_ARGS = ['--import', 'tsx']

export interface BuildRun {
  code: number | null
  stdout: string
  stderr: string
}

/** A fresh folder under the system temp dir: the CLI tests never write into the repository. */
export const tempDir = (prefix = 'build-data-') => mkdtempSync(path.join(tmpdir(), prefix))

/** Runs a TypeScript file with tsx as a child process, the way a person runs a script, and collects its output. */
export function runScript(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, script, ...args], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '', NO_COLOR: '1', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Runs `npm run data` (scripts/build-data.ts) with these arguments. */
export const runBuild = (args: readonly string[], env: Record<string, string> = {}) =>
  runScript(path.join(ROOT, 'scripts/build-data.ts'), args, env)

/** What Node prints for an uncaught error: a stack frame line. */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m
