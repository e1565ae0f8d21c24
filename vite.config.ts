import { existsSync, readFileSync } from 'node:fs'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import type { FeatureCollection, Point } from 'geojson'
import { precompileMessages } from './src/i18n/precompile-messages'
import { polygonRings } from './src/lib/coverage/polygon-rings'
import { CITY_VIEW_BOUNDS, type ManifestFile, type ShippedData } from './src/lib/types'

const THEME_COLOR = '#0f766e'
/** Tianditu serves tiles from t0…t7; only allowed (CSP) and cached (SW) when a token is built in. */
const TIANDITU_ORIGIN = 'https://*.tianditu.gov.cn'
const TIANDITU_PATTERN = /^https:\/\/t[0-7]\.tianditu\.gov\.cn\//

/**
 * Writes dist/csp.json: the extra CSP sources this build needs. scripts/serve.mjs reads it (and never serves it),
 * so the policy stays exactly "self" unless the build contains the Tianditu basemap.
 */
function cspManifest(tianditu: boolean): Plugin {
  return {
    name: 'zjg-csp-manifest',
    apply: 'build',
    generateBundle() {
      const extra = tianditu ? [TIANDITU_ORIGIN] : []
      this.emitFile({ type: 'asset', fileName: 'csp.json', source: JSON.stringify({ connect: extra, img: extra }) + '\n' })
    },
  }
}

/** Icon links in index.html (the manifest link is added by vite-plugin-pwa). */
function iconLinks(): Plugin {
  return {
    name: 'zjg-icon-links',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'icon', href: 'favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: 'icons/apple-touch-icon-180.png' }, injectTo: 'head' },
    ],
  }
}

type Position = [number, number]

/**
 * map-preview.svg: a static picture of the city (outline, planning areas, every institution) drawn from the data at
 * build time. The map pane shows it until MapLibre has started, so the first screen paints the map area at once,
 * without JavaScript work and without waiting for the data. Same bounds as the map's first view, Web Mercator.
 */
function mapPreview(publicDir: string): Plugin {
  const FILE = 'map-preview.svg'
  const BOUNDS = CITY_VIEW_BOUNDS
  const project = ([lon, lat]: Position) => [
    Math.round(((lon - BOUNDS[0]) * Math.PI) / 180 * 100_000),
    Math.round(-Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 100_000),
  ]
  const read = (name: string): FeatureCollection => {
    const path = `${publicDir}/data/${name}`
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection) : { type: 'FeatureCollection', features: [] }
  }
  // Whole units (1 unit ≈ 0.6 m): points closer than that add bytes, not detail.
  const pathOf = (name: string) => polygonRings(read(name)).map((ring) => {
    const points = ring.map((position) => project(position as Position))
      .filter((point, index, all) => index === 0 || point.join() !== all[index - 1].join())
    return `M${points.map((point) => point.join(' ')).join('L')}Z`
  }).join('')
  const svg = () => {
    const [minX, maxY] = project([BOUNDS[0], BOUNDS[1]])
    const [maxX, minY] = project([BOUNDS[2], BOUNDS[3]])
    const radius = 8
    const dots = read('institutions.geojson').features.filter(({ geometry }) => geometry?.type === 'Point').map(({ geometry }) => {
      const [x, y] = project((geometry as Point).coordinates as Position)
      return `M${x - radius} ${y}a${radius} ${radius} 0 1 0 ${2 * radius} 0a${radius} ${radius} 0 1 0 ${-2 * radius} 0Z`
    }).join('')
    const line = 'vector-effect="non-scaling-stroke"'
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}">`
      + `<path d="${pathOf('boundary.geojson')}" fill="#f8fafc" stroke="#334155" stroke-width="1.5" ${line}/>`
      + `<path d="${pathOf('zones.geojson')}" fill="none" stroke="#64748b" stroke-width="1" stroke-dasharray="2 2" ${line}/>`
      + `<path d="${dots}" fill="#0f766e" stroke="#fff" stroke-width="1" ${line}/></svg>\n`
  }
  return {
    name: 'zjg-map-preview',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== `/${FILE}`) return next()
        response.setHeader('Content-Type', 'image/svg+xml')
        response.end(svg())
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: FILE, source: svg() })
    },
    // Fetched with the scripts, so the picture is there when the app first paints (it is the largest element),
    // and so are the data files of the first screen (CORE_FILES in src/stores/data.ts): no manifest → files chain.
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'preload', as: 'image', href: FILE, type: 'image/svg+xml' }, injectTo: 'head' },
      ...['manifest.json', 'institutions.geojson', 'zones.geojson', 'boundary.geojson'].map((name) => (
        { tag: 'link', attrs: { rel: 'preload', as: 'fetch', href: `data/${name}`, crossorigin: true }, injectTo: 'head' as const })),
    ],
  }
}

/** The sample flag and date of the data the build ships (null when the data has not been built). */
function shippedData(publicDir: string): ShippedData | null {
  const path = `${publicDir}/data/manifest.json`
  if (!existsSync(path)) return null
  const { sample, generatedAt } = JSON.parse(readFileSync(path, 'utf8')) as ManifestFile
  return { sample: sample === true, generatedAt: String(generatedAt) }
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_')
  const tianditu = Boolean(env.VITE_TIANDITU_TOKEN)
  const publicDir = process.env.ZJG_PUBLIC_DIR ?? 'public'
  return {
    base: './',
    // A second public dir lets the update test build another version with different data.
    publicDir,
    plugins: [
      vue(),
      // Messages precompiled to ASTs for vue-i18n's runtime-only build: no compiler ships, no eval (CSP).
      precompileMessages(),
      iconLinks(),
      mapPreview(publicDir),
      cspManifest(tianditu),
      VitePWA({
        strategies: 'generateSW',
        registerType: 'prompt',
        // Registration goes through workbox-window in src/pwa/register.ts: no injected (inline) script.
        injectRegister: false,
        manifestFilename: 'manifest.webmanifest',
        manifest: {
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
          icons: [
            { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
            { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // Everything the app needs offline: shell, every script (MapLibre's worker is .mjs), styles, icons,
          // glyphs and the generated data (the offline basemap is drawn from data/*.geojson and glyphs/).
          globPatterns: [
            '**/*.{html,js,mjs,css,webmanifest,svg,png,ico}',
            'glyphs/**/*.pbf',
            'data/*.{json,geojson}',
          ],
          globIgnores: ['csp.json', '**/rejected.csv', 'embed-demo.*'],
          // MapLibre's main chunk and the data files are larger than Workbox's 2 MiB default.
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          navigateFallback: 'index.html',
          navigateFallbackDenylist: [/^\/data\//, /\.[a-z0-9]+$/i],
          cleanupOutdatedCaches: true,
          clientsClaim: false,
          skipWaiting: false,
          runtimeCaching: tianditu
            ? [{
                urlPattern: TIANDITU_PATTERN,
                handler: 'CacheFirst',
                options: {
                  cacheName: 'tianditu-tiles',
                  expiration: { maxEntries: 3000, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
                  cacheableResponse: { statuses: [0, 200] },
                },
              }]
            : [],
        },
      }),
    ],
    // Compile-time flags: drop the Options API, devtools hooks and vue-i18n's legacy API from the bundle.
    define: {
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      __VUE_I18N_FULL_INSTALL__: 'false',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      // Messages are precompiled (src/i18n/precompile-messages.ts): @intlify/message-compiler stays out of the bundle.
      __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
      // The shipped data's sample flag and date, for the first paint (SHIPPED_DATA in src/stores/data.ts).
      __SHIPPED_DATA__: JSON.stringify(shippedData(publicDir)),
    },
    build: {
      target: 'es2022',
      sourcemap: false,
      // MapLibre is big and started lazily: keep it in its own chunk so the shell never waits for it.
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }],
          },
        },
      },
    },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
  }
})
