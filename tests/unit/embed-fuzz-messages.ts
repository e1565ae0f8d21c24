import type { Random } from '../../src/lib/seeded-random'

/** Valid host messages with the ids of tests/unit/embed-fuzz.test.ts's three institutions. */
export const VALID_MESSAGES: readonly Record<string, unknown>[] = [
  { type: 'zjg-childcare/setFilters', filters: { types: ['community', 'kindergarten'] } },
  { type: 'zjg-childcare/setFilters', filters: { puhui: 1, age: '18', q: ' 杨舍 ' } },
  { type: 'zjg-childcare/setFilters', filters: { types: [], puhui: false, age: null, q: '' } },
  { type: 'zjg-childcare/setFilters', filters: { age: 30, puhui: '0' } },
  { type: 'zjg-childcare/setFilters', filters: {} },
  { type: 'zjg-childcare/setLocation', lng: 120.551, lat: 31.871 },
  { type: 'zjg-childcare/setLocation', lng: -0.5, lat: 51 },
  { type: 'zjg-childcare/select', id: 'ZJG-1' },
  { type: 'zjg-childcare/select', id: '张家港/托育 #3&x=2' },
  { type: 'zjg-childcare/setView', view: 'list' },
  { type: 'zjg-childcare/setView', view: 'map' },
]

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

function cyclic(): object {
  const node: Record<string, unknown> = { type: 'zjg-childcare/setView' }
  node.view = node
  return node
}

function deep(levels: number): unknown {
  let value: unknown = 'list'
  for (let level = 0; level < levels; level++) value = { value }
  return value
}

const revoked = Proxy.revocable({}, {})
revoked.revoke()
const throwing = () => { throw new Error('hostile trap') }
const HUGE = 'x'.repeat(2_000_000)

/** Values that are invalid wherever they stand in a host message (each is built fresh, some are traps). */
export const HOSTILE_VALUES: readonly [string, () => unknown][] = [
  ['symbol', () => Symbol('type')],
  ['BigInt', () => 10n ** 30n],
  ['function', () => () => 'list'],
  ['object with toString 0', () => ({ toString: 0 })],
  ['object with a throwing getter', () => ({ get value() { return throwing() } })],
  ['revoked proxy', () => revoked.proxy],
  ['proxy whose traps throw', () => new Proxy({}, { get: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing })],
  ['cyclic object', cyclic],
  ['huge string', () => HUGE],
  ['2,000-character string', () => '托'.repeat(2000)],
  ['Date', () => new Date(0)],
  ['Map', () => new Map([['view', 'list']])],
  ['class instance', () => new (class Message { type = 'zjg-childcare/setView' })()],
  ['sparse array', () => [, 'community']],
  ['array of 10,000', () => Array.from({ length: 10_000 }, () => 'community')],
  ['nesting 12 deep', () => deep(12)],
  ['NaN', () => Number.NaN],
  ['Infinity', () => Number.POSITIVE_INFINITY],
  ['object with 10,000 keys', () => Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`k${index}`, index]))],
]

/** Plain copies that change nothing about a message's meaning. */
export const PRESERVING: readonly [string, (message: Record<string, unknown>) => unknown][] = [
  ['deep-frozen copy', (message) => deepMap(message, (object) => Object.freeze(object))],
  ['null-prototype copy', (message) => deepMap(message, (object) => Array.isArray(object) ? object : Object.assign(Object.create(null), object))],
  ['transparent proxy', (message) => deepMap(message, (object) => new Proxy(object, {}))],
  ['keys reversed', (message) => Object.fromEntries(Object.entries(message).reverse())],
]

function deepMap(value: unknown, wrap: (object: object) => object): unknown {
  if (typeof value !== 'object' || value === null) return value
  const copy = Array.isArray(value) ? value.map((item) => deepMap(item, wrap)) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deepMap(item, wrap)]))
  return wrap(copy)
}

/** Paths (outer key, optional inner key) of a message's values. */
function paths(message: Record<string, unknown>): [string, string?][] {
  const result: [string, string?][] = []
  for (const [key, value] of Object.entries(message)) {
    result.push([key])
    if (typeof value === 'object' && value !== null) for (const inner of Object.keys(value)) result.push([key, inner])
  }
  return result
}

/** A copy of a valid message that is invalid for sure, and how it was broken. */
export function breakMessage(random: Random, base: Record<string, unknown>): [string, unknown] {
  const message: Record<string, unknown> = structuredClone(base)
  const path = pick(random, paths(message))
  const owner = (path[1] === undefined ? message : message[path[0]]) as Record<string, unknown>
  const key = path[1] ?? path[0]
  switch (Math.floor(random() * 5)) {
    case 0: {
      const [label, make] = pick(random, HOSTILE_VALUES)
      owner[key] = make()
      return [`${key} = ${label}`, message]
    }
    case 1:
      Object.defineProperty(owner, key, { enumerable: true, get: () => base[key] })
      return [`${key} as a getter`, message]
    case 2:
      Object.defineProperty(message, pick(random, ['extra', 'town', '__proto__', 'constructor', 'toString']), {
        enumerable: true, configurable: true, writable: true, value: pick(random, [1, undefined, { polluted: true }]),
      })
      return ['an extra key', message]
    case 3:
      if (message.type === 'zjg-childcare/setFilters') {
        message.filters = { ...(message.filters as object), [pick(random, ['town', 'service', 'price', 'admin', 'q '])]: 'yangshe' }
        return ['a filter hosts may not set', message]
      }
      delete message[pick(random, Object.keys(message))]
      return ['a missing key', message]
    default:
      message.type = pick(random, ['zjg-childcare/bogus', 'zjg-childcare/ready', 'zjg-childcare/SetView', 'select', { toString: 0 }, null])
      return ['a wrong type', message]
  }
}

/** Random junk: primitives, arrays and objects of random shape whose `type` is never a host message type. */
export function junk(random: Random, depth = 0): unknown {
  const roll = random()
  if (roll < 0.15) return Math.floor(random() * 2000) - 1000
  if (roll < 0.3) return pick(random, ['', 'zjg-childcare/', 'zjg-childcare/select', '🙂', '\u0000', 'list', 'ZJG-1'])
  if (roll < 0.4 || depth > 3) return pick(random, [null, undefined, true, false, Number.NaN, -0])
  if (roll < 0.5) return pick(random, HOSTILE_VALUES)[1]()
  if (roll < 0.65) return Array.from({ length: Math.floor(random() * 4) }, () => junk(random, depth + 1))
  const object: Record<string, unknown> = {}
  for (let index = Math.floor(random() * 4); index > 0; index--) {
    object[pick(random, ['type', 'filters', 'id', 'view', 'lng', 'lat', 'types', 'q'])] = junk(random, depth + 1)
  }
  if (depth === 0) object.type = `zjg-childcare/${pick(random, ['', 'x', 'Select', 'setfilters', 'ready', 'select '])}`
  return object
}
