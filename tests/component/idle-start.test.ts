import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { whenIdleOrInteraction } from '../../src/pwa/idle-component'

// The map's deferred start: at the first interaction, or by itself once the page has been quiet for a while.
beforeEach(() => { vi.useFakeTimers() })
afterEach(() => { vi.useRealTimers() })

function track(promise: Promise<void>) {
  const state = { resolved: false }
  void promise.then(() => { state.resolved = true })
  return state
}

test('starts at the first touch, without waiting for the quiet period', async () => {
  expect(document.readyState).toBe('complete')
  const started = track(whenIdleOrInteraction(4000))
  await vi.advanceTimersByTimeAsync(100)
  expect(started.resolved).toBe(false)
  window.dispatchEvent(new Event('pointerdown'))
  await vi.advanceTimersByTimeAsync(0)
  expect(started.resolved).toBe(true)
})

test('starts by itself once the page has been quiet for the whole period, not before', async () => {
  const started = track(whenIdleOrInteraction(4000))
  await vi.advanceTimersByTimeAsync(3900)
  expect(started.resolved).toBe(false)
  // Quiet reached, then the next idle moment (requestIdleCallback, or its 200 ms fallback).
  await vi.advanceTimersByTimeAsync(3500)
  expect(started.resolved).toBe(true)
})

/** A stand-in for the browser's PerformanceObserver: the test reports new requests or long tasks by hand. */
function fakeObserver() {
  const observing = new Set<() => void>()
  class FakePerformanceObserver {
    static supportedEntryTypes = ['resource', 'longtask', 'paint']
    constructor(private readonly callback: () => void) {}
    observe() { observing.add(this.callback) }
    disconnect() { observing.delete(this.callback) }
  }
  vi.stubGlobal('PerformanceObserver', FakePerformanceObserver)
  return { activity: () => [...observing].forEach((callback) => callback()), count: () => observing.size }
}

test('a new request or long task restarts the quiet period; the cap starts the map on a page that never settles', async () => {
  const page = fakeObserver()
  try {
    const started = track(whenIdleOrInteraction(4000))
    await vi.advanceTimersByTimeAsync(3000)
    page.activity() // e.g. a late data file: the quiet period starts again from here
    await vi.advanceTimersByTimeAsync(3000)
    expect(started.resolved).toBe(false)
    await vi.advanceTimersByTimeAsync(1000 + 3500)
    expect(started.resolved).toBe(true)
    expect(page.count()).toBe(0) // the observer is let go once the map may start

    const busy = track(whenIdleOrInteraction(4000))
    for (let elapsed = 0; elapsed < 11_000; elapsed += 1000) {
      await vi.advanceTimersByTimeAsync(1000)
      page.activity() // a page that keeps fetching, never quiet for 4 s
    }
    expect(busy.resolved).toBe(false)
    await vi.advanceTimersByTimeAsync(1000 + 3500) // the 12 s cap, then the next idle moment
    expect(busy.resolved).toBe(true)
  } finally {
    vi.unstubAllGlobals()
  }
})
