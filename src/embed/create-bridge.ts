import { appMessageSchema, EMBED_MESSAGE_PREFIX, parseHostMessage, type AppMessage, type HostMessage } from '../lib/embed/embed-messages'
import { resolveParentOrigin } from '../lib/embed/embed-parent-origin'

/** The parts of `window` the bridge uses (a plain object in unit tests). */
export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void }
  location: { ancestorOrigins?: ArrayLike<string> }
  document: { referrer: string }
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void
}

export interface EmbedBridgeOptions {
  window: BridgeWindow
  /** Build-time allowlist (parseEmbedOrigins of VITE_EMBED_ORIGINS). */
  allowedOrigins: readonly string[]
  /** Called with each valid message from the allowed parent. */
  onHostMessage(message: HostMessage): void
  /** Called once if the parent's origin was unknown at start and its first valid message reveals it. */
  onParentOrigin?(origin: string): void
}

export interface EmbedBridge {
  /** The allowlisted origin of the framing page, or null when there is none (top level, unknown host). */
  readonly parentOrigin: string | null
  /** Handles one `message` event as the listener would (used to replay events that came before the bridge). */
  receive(event: MessageEvent): void
  /** Posts to the parent, targeted at its origin; false when there is no allowed parent or the message is invalid. */
  post(message: AppMessage): boolean
  dispose(): void
}

/**
 * The postMessage link to a host page. Inbound: only from `window.parent`, only from an allowlisted origin, only
 * schema-valid messages; everything else is dropped without a trace. Outbound: only to the allowed parent origin.
 */
export function createEmbedBridge(options: EmbedBridgeOptions): EmbedBridge {
  const { window: view, allowedOrigins } = options
  const framed = (view.parent as unknown) !== view
  let parentOrigin: string | null = null

  function learnParent(origin: string) {
    if (parentOrigin !== null) return
    parentOrigin = origin
    options.onParentOrigin?.(origin)
  }

  function onMessage(event: MessageEvent) {
    if (!framed || event.source !== (view.parent as unknown) || !allowedOrigins.includes(event.origin)) return
    // The known parent cannot change origin without reloading us; a different one is not our host.
    if (parentOrigin !== null && event.origin !== parentOrigin) return
    const data: unknown = event.data
    if (typeof data !== 'object' || data === null || !String((data as { type?: unknown }).type).startsWith(EMBED_MESSAGE_PREFIX)) return
    const message = parseHostMessage(data)
    if (!message) return
    learnParent(event.origin)
    options.onHostMessage(message)
  }

  if (framed && allowedOrigins.length > 0) {
    view.addEventListener('message', onMessage)
    const ancestors = view.location.ancestorOrigins
    const known = resolveParentOrigin({
      ancestorOrigins: ancestors ? Array.from(ancestors) : undefined,
      referrer: view.document.referrer,
      allowedOrigins,
    })
    parentOrigin = known
  }

  return {
    get parentOrigin() { return parentOrigin },
    receive: onMessage,
    post(message) {
      if (parentOrigin === null || !appMessageSchema.safeParse(message).success) return false
      view.parent.postMessage(message, parentOrigin)
      return true
    },
    dispose() { view.removeEventListener('message', onMessage) },
  }
}
