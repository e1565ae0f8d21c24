import { expect, test } from 'vitest'
import { createI18n } from 'vue-i18n'
import { compileMessage } from '../../src/i18n/compile-message'
import * as core from '../../src/i18n/messages/core'
import * as embed from '../../src/i18n/messages/embed'
import * as map from '../../src/i18n/messages/map'
import * as parents from '../../src/i18n/messages/parents'
import * as planner from '../../src/i18n/messages/planner'
import * as pwa from '../../src/i18n/messages/pwa'

const topics = [core, map, parents, pwa, embed, planner]
type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)))
}

for (const locale of ['zh', 'en'] as const) {
  test(`every ${locale} message renders as vue-i18n's own compiler renders it`, () => {
    const messages = Object.assign({}, ...topics.map((topic) => topic[locale])) as Tree
    const reference = createI18n({ legacy: false, locale: 'x', messages: { x: messages } })
    const ours = createI18n({ legacy: false, locale: 'x', messages: { x: messages }, messageCompiler: compileMessage })
    const all = leaves(messages)
    expect(all.length).toBeGreaterThan(100)
    for (const [key, source] of all) {
      // Our compiler supports only {name} placeholders: any other message syntax must not appear.
      expect(source, key).not.toMatch(/[|@]|\{\s*'/)
      const values = Object.fromEntries([...source.matchAll(/\{\s*(\w+)\s*\}/g)].map((match, index) => [match[1], `<${match[1]}:${index}>`]))
      expect(ours.global.t(key, values), key).toBe(reference.global.t(key, values))
    }
  })
}

test('placeholders are filled in place and missing ones render empty, as vue-i18n does', () => {
  const i18n = createI18n({ legacy: false, locale: 'x', messages: { x: { a: '共 {n} 家，{ m } 米', b: '{0} and {1}' } }, messageCompiler: compileMessage })
  expect(i18n.global.t('a', { n: 3, m: 1000 })).toBe('共 3 家，1000 米')
  expect(i18n.global.t('b', ['x', 'y'])).toBe('x and y')
  expect(i18n.global.t('a', {})).toBe('共  家， 米')
})
