import { appMessageSchema, parseHostMessage, type AppMessage, type HostMessage } from '../lib/embed/embed-messages'
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

  /** The valid message of an event from the allowed parent, or null; never throws, whatever the event holds. */
  function readEvent(event: MessageEvent): { origin: string; message: HostMessage } | null {
    try {
      const origin: unknown = event.origin
      if (!framed || event.source !== (view.parent as unknown) || typeof origin !== 'string' || !allowedOrigins.includes(origin)) return null
      // The known parent cannot change origin without reloading us; a different one is not our host.
      if (parentOrigin !== null && origin !== parentOrigin) return null
      const message = parseHostMessage(event.data)
      return message && { origin, message }
    } catch {
      // A replayed or synthetic event may be anything (a throwing getter, a revoked proxy): drop it like junk.
      return null
    }
  }

  function onMessage(event: MessageEvent) {
    const received = readEvent(event)
    if (!received) return
    learnParent(received.origin)
    options.onHostMessage(received.message)
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
      try {
        view.parent.postMessage(message, parentOrigin)
        return true
      } catch {
        // A parent that went away mid-navigation: the message is lost, the app goes on.
        return false
      }
    },
    dispose() { view.removeEventListener('message', onMessage) },
  }
}
