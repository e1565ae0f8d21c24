import { readonly, ref } from 'vue'
import { detectEmbedMode } from '../lib/embed-mode'

let embedded: boolean | undefined
/** The allowlisted host's origin once known; components read it through useEmbed(). */
export const hostOrigin = ref<string | null>(null)

/** Whether the page runs embedded (`embed=1` or the 苏周到 webview); fixed for the page's life. */
export function isEmbedMode(): boolean {
  embedded ??= typeof window !== 'undefined' && detectEmbedMode(window.location.search, window.navigator.userAgent)
  return embedded
}

/** For components: `embedded` (layout switch) and `hostOrigin` (non-null when messages reach a host). */
export function useEmbed() {
  return { embedded: isEmbedMode(), hostOrigin: readonly(hostOrigin) }
}
