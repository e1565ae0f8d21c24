import { defineConfig, loadEnv, type PluginOption } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { cspManifest } from './scripts/vite/csp-manifest.ts'
import { iconLinks } from './scripts/vite/icon-links.ts'
import { mapPreview } from './scripts/vite/map-preview.ts'
import { precompress } from './scripts/vite/precompress.ts'
import { pwaOptions } from './scripts/vite/pwa-options.ts'
import { shippedData } from './scripts/vite/shipped-data.ts'
import { precompileMessages } from './src/i18n/precompile-messages.ts'

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_')
  const tianditu = Boolean(env.VITE_TIANDITU_TOKEN)
  // A second public dir lets the update test build another version with different data.
  const publicDir = process.env.ZJG_PUBLIC_DIR ?? 'public'
  // Our own plugins live in scripts/vite/ (one per file); add new ones to this list.
  const plugins: PluginOption[] = [
    vue(),
    // Messages precompiled to ASTs for vue-i18n's runtime-only build: no compiler ships, no eval (CSP).
    precompileMessages(),
    iconLinks(),
    mapPreview(publicDir),
    cspManifest(tianditu),
    VitePWA(pwaOptions({ tianditu })),
    precompress(),
  ]
  return {
    base: './',
    publicDir,
    plugins,
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
          codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] },
        },
      },
    },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
  }
})
