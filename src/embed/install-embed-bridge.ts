import { getCurrentScope, onScopeDispose, watch } from 'vue'
import { version } from '../../package.json'
import type { AppMessage } from '../lib/embed-messages'
import { parseEmbedOrigins } from '../lib/embed-origins'
import { parseHostLocation } from '../lib/embed-host-location'
import { useDataStore } from '../stores/data'
import { useLocationStore } from '../stores/location'
import { useSelectionStore } from '../stores/selection'
import { createHostMessageHandler } from './apply-host-message'
import { createEmbedBridge, type EmbedBridge } from './create-bridge'
import { hostOrigin, initialQuery, isEmbedMode } from './embed-mode'
import './embed.css'

let bridge: EmbedBridge | null = null

/**
 * Sends a message to the host page; true when it was posted (an allowlisted parent is known), false otherwise,
 * e.g. in a plain browser tab. The detail sheet uses it for navigate and call.
 */
export function notifyHost(message: AppMessage): boolean {
  return bridge?.post(message) ?? false
}

/**
 * Embed mode and the host message API; call once in App's setup. Marks <html> with `embed-mode`, takes the
 * host's `lng`/`lat` as the user's place, and when framed by an allowlisted origin listens to its messages and
 * reports ready / selected / resize.
 */
export function installEmbedBridge(): void {
  const data = useDataStore()
  const location = useLocationStore()
  const selection = useSelectionStore()
  const embedded = isEmbedMode()
  document.documentElement.classList.toggle('embed-mode', embedded)
  const hostLocation = embedded ? parseHostLocation(initialQuery()) : null
  if (hostLocation) location.setPlace({ ...hostLocation, source: 'host' })

  const allowedOrigins = parseEmbedOrigins(import.meta.env.VITE_EMBED_ORIGINS)
  if (bridge || allowedOrigins.length === 0 || window.parent === window) return
  const active = createEmbedBridge({
    window,
    allowedOrigins,
    onHostMessage: createHostMessageHandler(),
    onParentOrigin: (origin) => { hostOrigin.value = origin },
  })
  bridge = active
  hostOrigin.value = active.parentOrigin

  let readySent = false
  let lastSelected: string | null = null
  let lastHeight = -1
  const postResize = () => {
    const height = Math.ceil(document.documentElement.scrollHeight)
    if (height !== lastHeight && active.post({ type: 'zjg-childcare/resize', height })) lastHeight = height
  }
  const stopReady = watch([() => data.status, hostOrigin], ([status, origin]) => {
    if (readySent || status !== 'ready' || origin === null) return
    readySent = active.post({ type: 'zjg-childcare/ready', version, dataVersion: data.manifest?.dataVersion ?? '' })
    postResize()
  }, { immediate: true })
  const stopSelected = watch([() => selection.selectedId, () => data.institutions, hostOrigin], ([id, institutions]) => {
    if (id === null) { lastSelected = null; return }
    const feature = institutions?.features.find((candidate) => candidate.properties.id === id)
    if (!feature || id === lastSelected) return
    if (active.post({ type: 'zjg-childcare/selected', id, name: feature.properties.name })) lastSelected = id
  }, { immediate: true })
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(postResize)
  observer?.observe(document.body)

  if (getCurrentScope()) {
    onScopeDispose(() => {
      stopReady()
      stopSelected()
      observer?.disconnect()
      active.dispose()
      bridge = null
      hostOrigin.value = null
    })
  }
}
