import { describe, expect, test } from 'vitest'
import { createEmbedBridge, type BridgeWindow } from '../../src/embed/create-bridge'
import type { HostMessage } from '../../src/lib/embed/embed-messages'

const HOST = 'https://gov.example.cn'

/** A frame whose parent records what it is sent; `top: true` makes it a top-level window. */
function frameWindow({ referrer = '', ancestorOrigins, top = false }: { referrer?: string; ancestorOrigins?: string[]; top?: boolean } = {}) {
  const posted: { message: unknown; targetOrigin: string }[] = []
  const target = new EventTarget()
  const parent = { postMessage: (message: unknown, targetOrigin: string) => { posted.push({ message, targetOrigin }) } }
  const view = {
    parent,
    location: { ancestorOrigins },
    document: { referrer },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
  } as BridgeWindow
  if (top) view.parent = view as unknown as BridgeWindow['parent']
  const send = (data: unknown, origin: string, source: unknown = view.parent) => {
    target.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }))
  }
  return { view, posted, send }
}

const select = { type: 'zjg-childcare/select', id: 'ZJG-0001' }

describe('createEmbedBridge', () => {
  test('accepts valid messages from the allowlisted parent and posts back to its origin only', () => {
    const { view, posted, send } = frameWindow({ ancestorOrigins: [HOST] })
    const received: HostMessage[] = []
    const bridge = createEmbedBridge({ window: view, allowedOrigins: [HOST], onHostMessage: (m) => received.push(m) })
    expect(bridge.parentOrigin).toBe(HOST)
    send(select, HOST)
    expect(received).toEqual([select])
    expect(bridge.post({ type: 'zjg-childcare/selected', id: 'ZJG-0001', name: '托育点' })).toBe(true)
    expect(posted).toEqual([{ message: { type: 'zjg-childcare/selected', id: 'ZJG-0001', name: '托育点' }, targetOrigin: HOST }])
  })

  test('ignores other origins, other windows and malformed messages', () => {
    const { view, posted, send } = frameWindow({ referrer: `${HOST}/page` })
    const received: HostMessage[] = []
    createEmbedBridge({ window: view, allowedOrigins: [HOST], onHostMessage: (m) => received.push(m) })
    send(select, 'https://evil.example')
    send(select, HOST, { postMessage() {} })
    send({ ...select, id: 'ZJG\u0000' }, HOST)
    send({ type: 'zjg-childcare/setView', view: 'list', also: 1 }, HOST)
    send('zjg-childcare/select', HOST)
    send(null, HOST)
    expect(received).toEqual([])
    expect(posted).toEqual([])
  })

  test('with no allowlist nothing is accepted and nothing is posted', () => {
    const { view, posted, send } = frameWindow({ ancestorOrigins: [HOST] })
    const received: HostMessage[] = []
    const bridge = createEmbedBridge({ window: view, allowedOrigins: [], onHostMessage: (m) => received.push(m) })
    send(select, HOST)
    expect(bridge.post({ type: 'zjg-childcare/resize', height: 600 })).toBe(false)
    expect(received).toEqual([])
    expect(posted).toEqual([])
  })

  test('a top-level page (the webview, no frame) neither listens nor posts', () => {
    const { view, send } = frameWindow({ top: true, referrer: `${HOST}/` })
    const received: HostMessage[] = []
    const bridge = createEmbedBridge({ window: view, allowedOrigins: [HOST], onHostMessage: (m) => received.push(m) })
    send(select, HOST, view)
    expect(bridge.parentOrigin).toBeNull()
    expect(bridge.post({ type: 'zjg-childcare/resize', height: 600 })).toBe(false)
    expect(received).toEqual([])
  })

  test('learns an unknown parent origin from its first valid message, then sticks to it', () => {
    const other = 'https://szd.example.cn'
    const { view, posted, send } = frameWindow()
    const learned: string[] = []
    const received: HostMessage[] = []
    const bridge = createEmbedBridge({
      window: view, allowedOrigins: [HOST, other], onHostMessage: (m) => received.push(m), onParentOrigin: (o) => learned.push(o),
    })
    expect(bridge.post({ type: 'zjg-childcare/resize', height: 600 })).toBe(false)
    send({ type: 'zjg-childcare/bogus' }, HOST)
    expect(learned).toEqual([])
    send(select, HOST)
    send({ type: 'zjg-childcare/setView', view: 'list' }, other)
    expect(learned).toEqual([HOST])
    expect(received).toEqual([select])
    expect(bridge.post({ type: 'zjg-childcare/resize', height: 600 })).toBe(true)
    expect(posted.map((entry) => entry.targetOrigin)).toEqual([HOST])
  })

  test('posts a location request to the known parent only', () => {
    const { view, posted } = frameWindow({ ancestorOrigins: [HOST] })
    const bridge = createEmbedBridge({ window: view, allowedOrigins: [HOST], onHostMessage: () => {} })
    expect(bridge.post({ type: 'zjg-childcare/requestLocation' })).toBe(true)
    expect(posted).toEqual([{ message: { type: 'zjg-childcare/requestLocation' }, targetOrigin: HOST }])
  })

  test('refuses to post invalid outbound messages, and stops listening after dispose', () => {
    const { view, posted, send } = frameWindow({ ancestorOrigins: [HOST] })
    const received: HostMessage[] = []
    const bridge = createEmbedBridge({ window: view, allowedOrigins: [HOST], onHostMessage: (m) => received.push(m) })
    expect(bridge.post({ type: 'zjg-childcare/resize', height: Number.NaN })).toBe(false)
    expect(posted).toEqual([])
    bridge.dispose()
    send(select, HOST)
    expect(received).toEqual([])
  })

  test('receive() replays early events through the same checks', () => {
    const { view } = frameWindow({ ancestorOrigins: [HOST] })
    const received: HostMessage[] = []
    const bridge = createEmbedBridge({ window: view, allowedOrigins: [HOST], onHostMessage: (m) => received.push(m) })
    const event = (data: unknown, origin: string, source: unknown = view.parent) =>
      Object.assign(new Event('message'), { data, origin, source }) as MessageEvent
    bridge.receive(event(select, 'https://evil.example'))
    bridge.receive(event({ ...select, id: '' }, HOST))
    bridge.receive(event(select, HOST))
    expect(received).toEqual([select])
  })
})
