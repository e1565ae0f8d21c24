import { reactive } from 'vue'
import type { Workbox } from 'workbox-window'
import { afterFirstScreen } from './idle-component'

/** What the PWA status prompt shows. Plain data, shared by the prompt component and tests. */
export const pwaState = reactive({
  /** A new version is installed and waiting: offer a reload, never force one. */
  updateWaiting: false,
  /** The first service worker finished precaching: the app now works offline. */
  offlineReady: false,
})

const UPDATE_CHECK_MS = 60 * 60 * 1000
let workbox: Workbox | undefined
let started = false
let reloadRequested = false

/**
 * Registers the service worker through workbox-window once the page has loaded and is idle, so precaching never
 * competes with the first paint (workbox-window itself is fetched then too). Does nothing where there is no service worker (some
 * webviews) or in the dev server.
 */
export function registerServiceWorker(): void {
  if (started || import.meta.env.DEV || !('serviceWorker' in navigator)) return
  started = true
  const start = async () => {
    const { Workbox } = await import('workbox-window')
    const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    workbox = wb
    wb.addEventListener('waiting', () => { pwaState.updateWaiting = true })
    wb.addEventListener('activated', (event) => { if (!event.isUpdate) pwaState.offlineReady = true })
    // Only the user's click reloads: the new worker takes control after messageSkipWaiting().
    wb.addEventListener('controlling', () => { if (reloadRequested) location.reload() })
    wb.register().catch(() => { /* No service worker: the app keeps working online. */ })
    const check = () => { if (document.visibilityState === 'visible') void wb.update().catch(() => {}) }
    document.addEventListener('visibilitychange', check)
    setInterval(check, UPDATE_CHECK_MS)
  }
  void afterFirstScreen().then(start).catch(() => { /* Chunk unavailable: the app keeps working online. */ })
}

/** Activates the waiting version and reloads into it (the user asked for it). */
export function applyUpdate(): void {
  if (!workbox) return
  reloadRequested = true
  workbox.messageSkipWaiting()
}

/** Asks the server for a newer service worker now (e.g. when the page becomes visible again). */
export async function checkForUpdate(): Promise<void> {
  await workbox?.update()
}
