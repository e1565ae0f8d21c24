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
