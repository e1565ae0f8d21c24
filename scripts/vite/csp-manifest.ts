import type { Plugin } from 'vite'

/** Tianditu serves tiles from t0…t7; only allowed (CSP) when a token is built in. */
export const TIANDITU_ORIGIN = 'https://*.tianditu.gov.cn'

/**
 * Writes dist/csp.json: the extra CSP sources this build needs. scripts/serve.mjs reads it (and never serves it),
 * so the policy stays exactly "self" unless the build contains the Tianditu basemap.
 */
export function cspManifest(tianditu: boolean): Plugin {
  return {
    name: 'zjg-csp-manifest',
    apply: 'build',
    generateBundle() {
      const extra = tianditu ? [TIANDITU_ORIGIN] : []
      this.emitFile({ type: 'asset', fileName: 'csp.json', source: JSON.stringify({ connect: extra, img: extra }) + '\n' })
    },
  }
}
