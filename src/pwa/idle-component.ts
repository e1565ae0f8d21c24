import { defineAsyncComponent, type AsyncComponentLoader, type Component } from 'vue'

const INTERACTIONS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * `?map=eager`: start right after load, at the first idle moment, instead of waiting. `npm run lighthouse` measures
 * this page too, so the trace holds MapLibre's whole start-up (the default page starts it after the trace ends).
 * Read once at start-up: the deep-link sync rewrites the query afterwards.
 */
const EAGER = typeof location !== 'undefined' && new URLSearchParams(location.search).get('map') === 'eager'

/**
 * Resolves at the user's first interaction, or once the page has loaded and the main thread has been idle for a
 * moment, whichever comes first. Heavy start-up (MapLibre blocks the main thread for ~2 s on a mid-range phone)
 * then never delays the first paint of the list and the shell.
 */
export function whenIdleOrInteraction(idleDelayMs = EAGER ? 0 : 4000): Promise<void> {
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
    const afterLoad = () => (idleDelayMs > 0 ? setTimeout(() => idle(finish), idleDelayMs) : idle(finish))
    if (document.readyState === 'complete') afterLoad()
    else window.addEventListener('load', afterLoad, { once: true })
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
