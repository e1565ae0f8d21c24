import { beforeEach, expect, test } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Feature, Point } from 'geojson'
import { createHostMessageHandler } from '../../src/embed/apply-host-message'
import { createEmbedBridge, type BridgeWindow } from '../../src/embed/create-bridge'
import { parseHostMessage, type HostMessage } from '../../src/lib/embed/embed-messages'
import { seededRandom, type Random } from '../../src/lib/seeded-random'
import type { InstitutionProperties } from '../../src/lib/types'
import { useDataStore } from '../../src/stores/data'
import { useFiltersStore } from '../../src/stores/filters'
import { useLocationStore } from '../../src/stores/location'
import { useSelectionStore } from '../../src/stores/selection'
import { useViewStore } from '../../src/stores/view'
import { breakMessage, junk, PRESERVING, VALID_MESSAGES } from './embed-fuzz-messages'

const HOST = 'https://gov.example.cn'
const MESSAGES = 600

function institution(id: string, lng: number): Feature<Point, InstitutionProperties> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lng, 31.87] },
    properties: {
      id, name: id, type: 'community', puhui: true, town: '杨舍镇', area: 'yangshe', address: '张家港市杨舍镇', capacity: 40,
      capacityUnder2: 10, enrolled: 20, priceFullDay: 1500, services: ['fullDay'], ageMinMonths: 12, ageMaxMonths: 36,
      phone: '0512-58000000', hours: '07:30-17:30', medicalPartner: '', staff: 6, staffCertified: 6, qualityGrade: 'B',
      inclusive: false, openedYear: 2020, filingNo: 'X-1', updatedAt: '2024-05-01', sample: true,
    },
  }
}

/** A framed window whose parent is an allowlisted host, a bridge on it, and the real stores behind the bridge. */
function setupRaw() {
  const data = useDataStore()
  data.institutions = Object.freeze({ type: 'FeatureCollection' as const, features: [institution('ZJG-1', 120.55), institution('张家港/托育 #3&x=2', 120.56)] })
  data.status = 'ready'
  const parent = { postMessage: () => {} }
  const view: BridgeWindow = {
    parent, location: { ancestorOrigins: [HOST] }, document: { referrer: '' },
    addEventListener: () => {}, removeEventListener: () => {},
  }
  const delivered: HostMessage[] = []
  const handle = createHostMessageHandler()
  const bridge = createEmbedBridge({ window: view, allowedOrigins: [HOST], onHostMessage: (message) => { delivered.push(message); handle(message) } })
  // receive() is the listener itself, called directly so that a throw would reach the test.
  const receive = (event: object) => {
    const before = delivered.length
    bridge.receive(event as MessageEvent)
    return delivered.slice(before)
  }
  return { receive, parent }
}

function setup() {
  const { receive, parent } = setupRaw()
  return { send: (message: unknown) => receive(Object.assign(new Event('message'), { data: message, origin: HOST, source: parent })) }
}

/** Everything a host message can change, as JSON. */
function snapshot(): string {
  return JSON.stringify({
    filters: useFiltersStore().filters, selected: useSelectionStore().selectedId, view: useViewStore().view, place: useLocationStore().place,
  })
}

/** Whether the stores show the effect of a delivered message. */
function applied(message: HostMessage): boolean {
  switch (message.type) {
    case 'zjg-childcare/setFilters': {
      const filters: Record<string, unknown> = useFiltersStore().filters
      return Object.entries(message.filters).every(([key, value]) => JSON.stringify(filters[key]) === JSON.stringify(value))
    }
    case 'zjg-childcare/setLocation':
      return JSON.stringify(useLocationStore().place) === JSON.stringify({ lng: message.lng, lat: message.lat, source: 'host' })
    case 'zjg-childcare/select':
      return useSelectionStore().selectedId === message.id
    default:
      return useViewStore().view === message.view
  }
}

type Case = { kind: 'valid' | 'preserving' | 'broken' | 'junk'; label: string; message: unknown; expected: HostMessage | null }

function nextCase(random: Random): Case {
  const base = VALID_MESSAGES[Math.floor(random() * VALID_MESSAGES.length)]
  const expected = parseHostMessage(base)
  const roll = random()
  if (roll < 0.2) return { kind: 'valid', label: 'as is', message: structuredClone(base), expected }
  if (roll < 0.4) {
    const [label, mutate] = PRESERVING[Math.floor(random() * PRESERVING.length)]
    return { kind: 'preserving', label, message: mutate(base), expected }
  }
  if (roll < 0.75) {
    const [label, message] = breakMessage(random, base)
    return { kind: 'broken', label, message, expected: null }
  }
  return { kind: 'junk', label: 'random junk', message: junk(random), expected: null }
}

beforeEach(() => { setActivePinia(createPinia()) })

test(`${MESSAGES} seeded fuzzed messages: the bridge never throws, invalid ones change nothing, valid ones work`, () => {
  const { send } = setup()
  const random = seededRandom('embed-fuzz')
  const counts = { valid: 0, preserving: 0, broken: 0, junk: 0 }
  for (let index = 0; index < MESSAGES; index++) {
    const current = nextCase(random)
    counts[current.kind]++
    const before = snapshot()
    const delivered = send(current.message)
    const where = `#${index} ${current.kind}: ${current.label}`
    expect(delivered, where).toEqual(current.expected === null ? [] : [current.expected])
    if (current.expected === null) expect(snapshot(), where).toBe(before)
    else expect(applied(current.expected), where).toBe(true)
  }
  // Every kind was drawn often enough to mean something.
  expect(Math.min(...Object.values(counts))).toBeGreaterThan(MESSAGES / 10)
})

test.each([
  ['the message of the issue', { type: { toString: 0 } }],
  ['a symbol type', { type: Symbol('x') }],
  ['a symbol', Symbol('x')],
  ['a BigInt', 10n],
  ['undefined', undefined],
  ['a function', () => 0],
  ['a frozen array', Object.freeze(['zjg-childcare/setView', 'list'])],
])('%s is dropped without a throw', (_label, message) => {
  const { send } = setup()
  const before = snapshot()
  expect(send(message)).toEqual([])
  expect(snapshot()).toBe(before)
})

const VIEW_LIST = { type: 'zjg-childcare/setView', view: 'list' }

test.each<[string, (source: object) => object]>([
  ['a data getter that throws', (source) => ({ source, origin: HOST, get data() { throw new Error('data') } })],
  ['an origin getter that throws', (source) => ({ source, data: VIEW_LIST, get origin() { throw new Error('origin') } })],
  ['a source getter that throws', () => ({ data: VIEW_LIST, origin: HOST, get source() { throw new Error('source') } })],
  ['an origin that is not a string', (source) => ({ source, data: VIEW_LIST, origin: { toString: (): string => HOST } })],
  ['a revoked proxy for an event', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy }],
])('an event with %s is dropped without a throw', (_label, makeEvent) => {
  const { receive, parent } = setupRaw()
  const before = snapshot()
  expect(receive(makeEvent(parent))).toEqual([])
  expect(snapshot()).toBe(before)
  // The bridge is still alive: a proper event right after works.
  expect(receive({ source: parent, origin: HOST, data: VIEW_LIST })).toHaveLength(1)
  expect(useViewStore().view).toBe('list')
})
