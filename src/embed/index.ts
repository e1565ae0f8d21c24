export { installEmbedBridge, notifyHost } from './install-embed-bridge'
export { isEmbedMode, useEmbed } from './embed-mode'
export { buildNavigateMessage } from '../lib/embed/embed-navigate-message'
export type { AppMessage } from '../lib/embed/embed-messages'
