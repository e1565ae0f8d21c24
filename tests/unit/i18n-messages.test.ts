import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { transformWithOxc } from 'vite'
import { precompileMessageModule } from '../../src/i18n/precompile-messages'

type Tree = { [key: string]: string | Tree }
type Compiled = { zh: Tree, en: Tree }

const TOPICS = ['core', 'map', 'parents', 'pwa', 'embed', 'planner', 'my-data', 'sources']
// A path in a variable: TypeScript has no types for the file, and the import must run after the flag below is set.
const RUNTIME_ONLY_BUILD = 'vue-i18n/dist/vue-i18n.runtime.node.mjs'

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)))
}

/** The build's pipeline for one message file: strip types (as Vite does), precompile, load the emitted module. */
async function compileTopic(topic: string): Promise<{ code: string, compiled: Compiled }> {
  const path = `src/i18n/messages/${topic}.ts`
  const { code: javascript } = await transformWithOxc(readFileSync(path, 'utf8'), path)
  const code = precompileMessageModule(javascript)
  const compiled = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`) as Compiled
  return { code, compiled }
}

async function sources(topic: string): Promise<Compiled> {
  return await import(`../../src/i18n/messages/${topic}.ts`) as Compiled
}

test.each(TOPICS)('%s: zh-CN and English have the same keys', async (topic) => {
  const { zh, en } = await sources(topic)
  expect(leaves(en).map(([key]) => key)).toEqual(leaves(zh).map(([key]) => key))
})

test.each(TOPICS)('%s: the precompiled module is plain data (no functions, nothing to eval)', async (topic) => {
  const { code } = await compileTopic(topic)
  const lines = code.trimEnd().split('\n')
  expect(lines.map((line) => line.replace(/ = .*/, ''))).toEqual(['export const zh', 'export const en'])
  for (const line of lines) expect(() => JSON.parse(line.replace(/^export const \w+ = /, '').replace(/;$/, ''))).not.toThrow()
})

test.each(TOPICS.flatMap((topic) => [[topic, 'zh'], [topic, 'en']] as const))('%s (%s): every message renders through the precompiled pipeline', async (topic, locale) => {
  // As in the production build: vue-i18n's runtime-only build with the message compiler dropped, so a message that
  // was not precompiled cannot render.
  Object.assign(globalThis, { __INTLIFY_DROP_MESSAGE_COMPILER__: true })
  const { createI18n } = await import(/* @vite-ignore */ RUNTIME_ONLY_BUILD) as typeof import('vue-i18n')
  const { compiled } = await compileTopic(topic)
  const i18n = createI18n({ legacy: false, locale: 'x', missingWarn: false, messages: { x: compiled[locale] } })
  const all = leaves((await sources(topic))[locale])
  expect(all.length).toBeGreaterThan(0)
  for (const [key, source] of all) {
    // Only {name} placeholders: plural (|), linked (@:) and literal ({'…'}) syntax would need another oracle.
    expect(source, key).not.toMatch(/[|@]|\{\s*'/)
    const values = Object.fromEntries([...source.matchAll(/\{\s*(\w+)\s*\}/g)].map((match, index) => [match[1], `<${match[1]}:${index}>`]))
    const expected = source.replace(/\{\s*(\w+)\s*\}/g, (_, name: string) => values[name])
    expect(i18n.global.t(key, values), key).toBe(expected)
  }
})
