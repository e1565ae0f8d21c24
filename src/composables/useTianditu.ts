import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { DEFAULT_REVIEW_NO, loadRuntimeConfig, type RuntimeConfig } from '../config/load-runtime-config'

// A token built in (VITE_TIANDITU_TOKEN) still works; config.json, read at every start, overrides it without a build.
const BUILD_TOKEN = (import.meta.env.VITE_TIANDITU_TOKEN as string | undefined) ?? ''
const BUILD_REVIEW_NO = (import.meta.env.VITE_TIANDITU_REVIEW_NO as string | undefined) ?? ''

/**
 * The street basemap's state: Tianditu whenever a token is set and the browser is online; offline, the local
 * land-and-water basemap (and a notice). `ready` turns true once config.json has been read (or failed).
 */
export function useTianditu(baseUrl: string) {
  const config = shallowRef<RuntimeConfig | null>(null)
  const online = ref(typeof navigator === 'undefined' || navigator.onLine)
  const update = () => { online.value = navigator.onLine }
  onMounted(() => {
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  void loadRuntimeConfig(baseUrl).then((loaded) => { config.value = loaded })

  const token = computed(() => config.value?.tiandituToken || BUILD_TOKEN)
  return {
    ready: computed(() => config.value !== null),
    /** The token to draw Tianditu with now; empty: the local basemap. */
    activeToken: computed(() => (online.value ? token.value : '')),
    /** A Tianditu deployment without a connection: the local basemap stands in. */
    offlineFallback: computed(() => Boolean(token.value) && !online.value),
    reviewNo: computed(() => config.value?.tiandituReviewNo || BUILD_REVIEW_NO || DEFAULT_REVIEW_NO),
  }
}
