import { watch } from 'vue'
import { version } from '../../package.json'
import { useDataStore } from '../stores/data'
import { useSelectionStore } from '../stores/selection'
import { createHostMessageHandler } from './apply-host-message'
import { createEmbedBridge, type EmbedBridge } from './create-bridge'
import { hostOrigin } from './embed-mode'

export interface HostConnection {
  bridge: EmbedBridge
  stop(): void
}

/**
 * The host link proper, loaded only when an allowlisted page frames the app (it carries zod): the bridge on the
 * stores, replaying the messages that arrived while this chunk loaded, then ready / selected / resize reports.
 */
export function connectHost(allowedOrigins: readonly string[], earlyEvents: readonly MessageEvent[]): HostConnection {
  const data = useDataStore()
  const selection = useSelectionStore()
  const bridge = createEmbedBridge({
    window,
    allowedOrigins,
    onHostMessage: createHostMessageHandler(),
    onParentOrigin: (origin) => { hostOrigin.value = origin },
  })
  hostOrigin.value = bridge.parentOrigin
  for (const event of earlyEvents) bridge.receive(event)

  let readySent = false
  let lastSelected: string | null = null
  let lastHeight = -1
  const postResize = () => {
    const height = Math.ceil(document.documentElement.scrollHeight)
    if (height !== lastHeight && bridge.post({ type: 'zjg-childcare/resize', height })) lastHeight = height
  }
  const stopReady = watch([() => data.status, hostOrigin], ([status, origin]) => {
    if (readySent || status !== 'ready' || origin === null) return
    readySent = bridge.post({ type: 'zjg-childcare/ready', version, dataVersion: data.manifest?.dataVersion ?? '' })
    postResize()
  }, { immediate: true })
  const stopSelected = watch([() => selection.selectedId, () => data.institutions, hostOrigin], ([id, institutions]) => {
    if (id === null) { lastSelected = null; return }
    const feature = institutions?.features.find((candidate) => candidate.properties.id === id)
    if (!feature || id === lastSelected) return
    if (bridge.post({ type: 'zjg-childcare/selected', id, name: feature.properties.name })) lastSelected = id
  }, { immediate: true })
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(postResize)
  observer?.observe(document.body)

  return {
    bridge,
    stop() {
      stopReady()
      stopSelected()
      observer?.disconnect()
      bridge.dispose()
    },
  }
}
