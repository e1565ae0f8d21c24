import { expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { basename, resolve } from 'node:path'
import { instructions } from '@vite-pwa/assets-generator/api/instructions'
import config from '../../pwa-assets.config'

const SOURCE = 'public/favicon.svg'
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

test('the committed icons are exactly what pwa-assets.config.ts draws from favicon.svg (`npm run icons`)', async () => {
  if (!config.preset) throw new Error('pwa-assets.config.ts has no preset')
  const planned = await instructions({
    imageResolver: () => readFile(SOURCE),
    imageName: resolve(SOURCE),
    originalName: SOURCE,
    preset: config.preset,
    faviconPreset: config.headLinkOptions?.preset,
    htmlLinks: { xhtml: false, includeId: false },
    basePath: '/',
    resolveSvgName: (name) => basename(name),
  })
  const icons = [planned.transparent, planned.maskable, planned.apple, planned.favicon]
    .flatMap((group) => Object.values(group))
    .filter((icon) => !icon.name.endsWith('.svg'))
  const generated = Object.fromEntries(await Promise.all(icons.map(async (icon) => [icon.name, sha256(await icon.buffer())])))
  const committed = Object.fromEntries(Object.keys(generated).map((name) => [name, sha256(readFileSync(`public/${name}`))]))
  expect(Object.keys(generated).sort()).toEqual([
    'favicon.ico', 'icons/apple-touch-icon-180.png', 'icons/icon-192.png', 'icons/icon-512.png',
    'icons/maskable-192.png', 'icons/maskable-512.png',
  ])
  expect(committed).toEqual(generated)
})
