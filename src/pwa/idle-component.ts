import { defineAsyncComponent, type AsyncComponentLoader, type Component } from 'vue'

const INTERACTIONS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * `?map=eager`: start right after load, at the first idle moment, instead of waiting. `npm run lighthouse` measures
 * this page too, so the trace holds MapLibre's whole start-up (the default page starts it after the trace ends).
 * Read once at start-up: the deep-link sync rewrites the query afterwards.
 */
const EAGER = typeof location !== 'undefined' && new URLSearchParams(location.search).get('map') === 'eager'

/** Page quiet for this long (no new request, no long task) before MapLibre starts by itself. */
const QUIET_MS = 4000
/** …but never later than this after load, even on a page that keeps fetching. */
const QUIET_CAP_MS = 12_000

/**
 * Resolves once nothing has happened for `quietMs`: no resource fetched and no long task (where the browser reports
 * them). Timed from the page's last activity rather than from load, so a slow phone's own start-up never overlaps.
 */
function afterQuiet(quietMs: number, capMs: number): Promise<void> {
  return new Promise((resolve) => {
    const types = (typeof PerformanceObserver !== 'undefined' ? PerformanceObserver.supportedEntryTypes ?? [] : [])
      .filter((type) => type === 'resource' || type === 'longtask')
    let observer: PerformanceObserver | undefined
    let timer = 0
    const done = () => { clearTimeout(timer); clearTimeout(cap); observer?.disconnect(); resolve() }
    const restart = () => { clearTimeout(timer); timer = window.setTimeout(done, quietMs) }
    const cap = window.setTimeout(done, capMs)
    if (types.length) {
      observer = new PerformanceObserver(restart)
      for (const type of types) observer.observe({ type })
    }
    restart()
  })
}

/**
 * Resolves at the user's first interaction, or once the page has loaded and then stayed quiet for a few seconds
 * (nothing fetched, no long task) and the main thread is idle, whichever comes first. Heavy start-up (MapLibre blocks
 * the main thread for ~2 s on a mid-range phone) then never delays the first paint of the list and the shell, nor
 * competes with the app's own start-up.
 */
export function whenIdleOrInteraction(quietMs = EAGER ? 0 : QUIET_MS): Promise<void> {
  return new Promise((resolve) => {
    let done = false
    const finish = () => {
      if (done) return
      done = true
      for (const type of INTERACTIONS) window.removeEventListener(type, finish, true)
      resolve()
    }
    for (const type of INTERACTIONS) window.addEventListener(type, finish, { capture: true, passive: true })
    const idle = (callback: () => void) =>
      'requestIdleCallback' in window ? requestIdleCallback(callback, { timeout: 3000 }) : setTimeout(callback, 200)
    const afterLoad = () => {
      if (quietMs > 0) void afterQuiet(quietMs, QUIET_CAP_MS).then(() => idle(finish))
      else idle(finish)
    }
    if (document.readyState === 'complete') afterLoad()
    else window.addEventListener('load', afterLoad, { once: true })
  })
}

/**
 * Resolves once the page has loaded and the main thread is idle (at most `timeoutMs` after load): for work the first
 * screen does not need (storing the last good data, registering the service worker), so it never lengthens the
 * tasks that paint and boot the app.
 */
export function afterFirstScreen(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: timeoutMs }) : setTimeout(resolve, 200))
    if (document.readyState === 'complete') idle()
    else window.addEventListener('load', idle, { once: true })
  })
}

/** An async component whose code is fetched and started only when whenIdleOrInteraction() resolves. */
export function defineIdleComponent(loader: AsyncComponentLoader, placeholder?: Component) {
  return defineAsyncComponent({
    loader: () => whenIdleOrInteraction().then(loader),
    loadingComponent: placeholder,
    delay: 0,
  })
}
