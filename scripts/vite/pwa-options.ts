import type { VitePWAOptions } from 'vite-plugin-pwa'

export const THEME_COLOR = '#0f766e'
const TIANDITU_PATTERN = /^https:\/\/t[0-7]\.tianditu\.gov\.cn\//

const manifest: VitePWAOptions['manifest'] = {
  id: './',
  name: '张家港托育地图',
  short_name: '托育地图',
  description: '张家港全市托育机构地图、普惠托位与15分钟托育服务圈',
  lang: 'zh-CN',
  dir: 'ltr',
  start_url: './',
  scope: './',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOR,
  background_color: '#ffffff',
  categories: ['education', 'navigation', 'government'],
  // Drawn by pwa-assets.config.ts (`npm run icons`).
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
}

/** Tianditu tiles, cached as they are seen (only in builds with a Tianditu token). */
const tiandituTiles = {
  urlPattern: TIANDITU_PATTERN,
  handler: 'CacheFirst' as const,
  options: {
    cacheName: 'tianditu-tiles',
    expiration: { maxEntries: 3000, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
    cacheableResponse: { statuses: [0, 200] },
  },
}

/** vite-plugin-pwa's options: the web app manifest and what the service worker precaches. */
export function pwaOptions({ tianditu }: { tianditu: boolean }): Partial<VitePWAOptions> {
  return {
    strategies: 'generateSW',
    registerType: 'prompt',
    // Registration goes through workbox-window in src/pwa/register.ts: no injected (inline) script.
    injectRegister: false,
    manifestFilename: 'manifest.webmanifest',
    manifest,
    workbox: {
      // Everything the app needs offline: shell, every script (MapLibre's worker is .mjs), styles, icons,
      // glyphs and the generated data (the offline basemap is drawn from data/*.geojson and glyphs/).
      globPatterns: ['**/*.{html,js,mjs,css,webmanifest,svg,png,ico}', 'glyphs/**/*.pbf', 'data/*.{json,geojson}'],
      globIgnores: ['csp.json', '**/rejected.csv', 'embed-demo.*'],
      // MapLibre's main chunk and the data files are larger than Workbox's 2 MiB default.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/data\//, /\.[a-z0-9]+$/i],
      cleanupOutdatedCaches: true,
      // The first worker claims the page that installed it, so the first visit's lazy chunks load offline. Without
      // skipWaiting an update still waits for the user ("有新版本"): claim only runs when a worker activates.
      clientsClaim: true,
      skipWaiting: false,
      runtimeCaching: tianditu ? [tiandituTiles] : [],
    },
  }
}
