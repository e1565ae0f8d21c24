import { readonly, ref } from 'vue'
import { detectEmbedMode } from '../lib/embed/embed-mode'

// Read when this module loads, before the deep-link sync rewrites the URL (it drops `embed`, `lng`, `lat`).
const initialSearch = typeof window === 'undefined' ? '' : window.location.search
const embedded = typeof window !== 'undefined' && detectEmbedMode(initialSearch, window.navigator.userAgent)

/** The allowlisted host's origin once known; components read it through useEmbed(). */
export const hostOrigin = ref<string | null>(null)

/** Whether the page runs embedded (`embed=1` or the 苏周到 webview); fixed for the page's life. */
export function isEmbedMode(): boolean {
  return embedded
}

/** The query string the page was opened with. */
export function initialQuery(): string {
  return initialSearch
}

/** For components: `embedded` (layout switch) and `hostOrigin` (non-null when messages reach a host). */
export function useEmbed() {
  return { embedded, hostOrigin: readonly(hostOrigin) }
}
