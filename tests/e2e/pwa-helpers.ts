import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { createStaticServer } from '../../scripts/serve.mjs'

export interface RunningServer { url: string; port: number; stop: () => Promise<void> }

/** Serves a build with scripts/serve.mjs, on `port` (0 = any free port). The tests own and stop it. */
export async function startServer(root: string, port = 0): Promise<RunningServer> {
  const server: Server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actualPort = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

function institutions(root: string) {
  return (JSON.parse(readFileSync(`${root}/data/institutions.geojson`, 'utf8')) as { features: { properties: { name: string } }[] }).features
}
export const institutionCount = (root: string): number => institutions(root).length
export const institutionNames = (root: string): string[] => institutions(root).map((feature) => feature.properties.name)

/** Resolves once a service worker is active for the page (installed = everything precached). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => { await navigator.serviceWorker.ready })
}

/** The number of institutions the map reports as drawn, once it stops changing to the expected value. */
export function renderedInstitutions(page: Page): Promise<number> {
  return page.getByRole('region', { name: '张家港托育机构地图' }).getAttribute('data-rendered-institutions').then(Number)
}
