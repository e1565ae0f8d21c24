import { getCurrentScope, onScopeDispose } from 'vue'
import type { AppMessage } from '../lib/embed/embed-messages'
import { parseEmbedOrigins } from '../lib/embed/embed-origins'
import { parseHostLocation } from '../lib/embed/embed-host-location'
import { useLocationStore } from '../stores/location'
import type { EmbedBridge } from './create-bridge'
import { hostOrigin, initialQuery, isEmbedMode } from './embed-mode'
import './embed.css'

/** Messages that may arrive while the bridge chunk loads; a real host sends a handful at most. */
const MAX_EARLY_MESSAGES = 100
let bridge: EmbedBridge | null = null
let installed = false

/**
 * Sends a message to the host page; true when it was posted (an allowlisted parent is known), false otherwise,
 * e.g. in a plain browser tab. The detail sheet uses it for navigate and call.
 */
export function notifyHost(message: AppMessage): boolean {
  return bridge?.post(message) ?? false
}

/**
 * Embed mode and the host message API; call once in App's setup. Marks <html> with `embed-mode` and takes the
 * host's `lng`/`lat` as the user's place. When an allowlisted origin frames the app, loads the bridge (a lazy
 * chunk, so the first screen never pays for it), keeping the messages that arrive meanwhile.
 */
export function installEmbedBridge(): void {
  const embedded = isEmbedMode()
  document.documentElement.classList.toggle('embed-mode', embedded)
  const hostLocation = embedded ? parseHostLocation(initialQuery()) : null
  if (hostLocation) useLocationStore().setPlace({ ...hostLocation, source: 'host' })

  const allowedOrigins = parseEmbedOrigins(import.meta.env.VITE_EMBED_ORIGINS)
  if (installed || allowedOrigins.length === 0 || window.parent === window) return
  installed = true
  const early: MessageEvent[] = []
  const hold = (event: MessageEvent) => { if (early.length < MAX_EARLY_MESSAGES) early.push(event) }
  window.addEventListener('message', hold)
  let disposed = false
  let stop = () => {}
  import('./connect-host')
    .then(({ connectHost }) => {
      window.removeEventListener('message', hold)
      if (disposed) return
      const connection = connectHost(allowedOrigins, early)
      bridge = connection.bridge
      stop = connection.stop
    })
    // Without the chunk (offline before it was cached) the app works on, just without the host link.
    .catch(() => window.removeEventListener('message', hold))

  if (getCurrentScope()) {
    onScopeDispose(() => {
      disposed = true
      window.removeEventListener('message', hold)
      stop()
      bridge = null
      installed = false
      hostOrigin.value = null
    })
  }
}
