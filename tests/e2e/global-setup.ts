import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { TestProject } from 'vitest/node'
import { createStaticServer } from '../../scripts/serve.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** Serves the production build (dist/, built by `npm test` before this project runs) on a free port. */
export default async function setup(project: TestProject) {
  const root = process.env.E2E_DIST ?? 'dist'
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root}/index.html missing: run \`npm run data && npm run build\` first`)
  const server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  project.provide('baseUrl', `http://127.0.0.1:${port}/`)
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
