import { afterEach, describe, expect, test } from 'vitest'
import { build, type Rolldown } from 'vite'
import vue from '@vitejs/plugin-vue'

/** Strings only the test hooks put into the bundle (src/map/test-hooks.ts and the bench's measure in the controller). */
const HOOK_MARKERS = ['renderedInstitutions', 'viewBounds', 'map:setFilter']

/**
 * Bundles the map view the way `vite build` does (minified, tree-shaken), with every package left external so only
 * our own modules are read, and returns the code of all chunks.
 */
async function bundleMapView(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [vue()],
    build: {
      write: false,
      minify: true,
      lib: { entry: 'src/components/map/MapView.vue', formats: ['es'], fileName: 'map-view' },
      rolldownOptions: { external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') },
    },
  })
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[]
  return outputs.flatMap((result) => result.output).map((file) => (file.type === 'chunk' ? file.code : '')).join('\n')
}

describe('test hooks exist only in test builds', () => {
  const saved = process.env.VITE_TEST_HOOKS
  afterEach(() => {
    if (saved === undefined) delete process.env.VITE_TEST_HOOKS
    else process.env.VITE_TEST_HOOKS = saved
  })

  test.each([
    ['a default build drops them', undefined, false],
    ['a build with VITE_TEST_HOOKS=1 keeps them', '1', true],
  ])('%s', async (_name, flag, expected) => {
    if (flag === undefined) delete process.env.VITE_TEST_HOOKS
    else process.env.VITE_TEST_HOOKS = flag
    const code = await bundleMapView()
    expect(code).toContain('data-map-generation')
    for (const marker of HOOK_MARKERS) expect(code.includes(marker), marker).toBe(expected)
  }, 60_000)
})
