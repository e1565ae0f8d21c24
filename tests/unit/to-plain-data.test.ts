import { expect, test } from 'vitest'
import { toPlainData } from '../../src/lib/embed/to-plain-data'

const revoked = Proxy.revocable({}, {})
revoked.revoke()
const trap = () => { throw new Error('trap') }

test.each([
  ['a message', { type: 'zjg-childcare/setFilters', filters: { types: ['community'], age: null, puhui: true } }],
  ['a frozen message', Object.freeze({ type: 'zjg-childcare/setView', view: Object.freeze(['list']) })],
  ['an object with toString 0', { type: { toString: 0 } }],
  ['objects nested 4 deep', { a: { b: { c: { d: 'e' } } } }],
  ['primitives', [1, -0, 'x', true, null]],
])('%s is copied as it is', (_label, value) => {
  const copy = toPlainData(value)
  expect(copy).toEqual(value)
  expect(copy).not.toBe(value)
})

test('null-prototype objects and transparent proxies are copied into plain objects', () => {
  const bare = Object.assign(Object.create(null), { type: 'zjg-childcare/select', id: 'ZJG-1' })
  expect(toPlainData(bare)).toEqual({ type: 'zjg-childcare/select', id: 'ZJG-1' })
  expect(Object.getPrototypeOf(toPlainData(new Proxy({ view: ['list'] }, {})))).toBe(Object.prototype)
  expect(toPlainData(new Proxy({ view: ['list'] }, {}))).toEqual({ view: ['list'] })
})

test('undefined inside stays visible (so an unknown key with it can still be refused); undefined itself is rejected', () => {
  expect(toPlainData({ type: 'x', extra: undefined })).toHaveProperty('extra', undefined)
  expect(toPlainData(undefined)).toBeUndefined()
})

test.each([
  ['a getter', { get type() { return 'zjg-childcare/select' } }],
  ['a throwing getter', { get type() { return trap() } }],
  ['a revoked proxy', revoked.proxy],
  ['a proxy whose traps throw', new Proxy({}, { ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap, get: trap })],
  ['a cycle', (() => { const node: Record<string, unknown> = {}; node.self = node; return node })()],
  ['objects nested 5 deep', { a: { b: { c: { d: { e: 'f' } } } } }],
  ['a 1,025-character string', 'x'.repeat(1025)],
  ['a 2,000,000-character string', { q: 'x'.repeat(2_000_000) }],
  ['17 keys', Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`k${index}`, index]))],
  ['33 items', Array.from({ length: 33 }, () => 1)],
  ['a sparse array', [1, , 3]],
  ['a symbol', { type: Symbol('x') }],
  ['a BigInt', { n: 1n }],
  ['a function', { f: () => 0 }],
  ['a Date', new Date(0)],
  ['a Map', new Map()],
  ['a class instance', new (class Message { type = 'x' })()],
  ['an own __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
])('%s is rejected, without a throw', (_label, value) => {
  expect(toPlainData(value)).toBeUndefined()
})
