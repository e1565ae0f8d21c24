import type { Plugin } from 'vite'

/** Icon links in index.html (the manifest link is added by vite-plugin-pwa; the files by pwa-assets.config.ts). */
export function iconLinks(): Plugin {
  return {
    name: 'zjg-icon-links',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'icon', href: 'favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: 'icons/apple-touch-icon-180.png' }, injectTo: 'head' },
    ],
  }
}
