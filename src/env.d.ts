/// <reference types="vite/client" />
/** Set at build time from public/data/manifest.json (vite.config.ts); absent in unit and component tests. */
declare const __SHIPPED_DATA__: import('./lib/types').ShippedData | null | undefined
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
interface ImportMetaEnv {
  /** '1' in test builds (scripts/run-tests.mjs, the map bench): the map exposes what tests read; other builds drop it. */
  readonly VITE_TEST_HOOKS?: string
}
/** One language of a message module (src/i18n/precompile-messages.ts); typed through `import type` of the module. */
declare module '*?locale=zh' {
  export const zh: Record<string, unknown>
}
declare module '*?locale=en' {
  export const en: Record<string, unknown>
}
