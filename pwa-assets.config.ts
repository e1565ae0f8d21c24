import { defineConfig, type Preset } from '@vite-pwa/assets-generator/config'
import { THEME_COLOR } from './scripts/vite/pwa-options'

/**
 * The app icons, drawn by @vite-pwa/assets-generator (sharp) from public/favicon.svg: `npm run icons`. The output is
 * committed (public/icons/, public/favicon.ico): icons change only with the SVG, and the build needs no sharp.
 * Names are the ones the manifest (scripts/vite/pwa-options.ts) and scripts/vite/icon-links.ts refer to.
 */
const preset: Preset = {
  transparent: { sizes: [192, 512], padding: 0, favicons: [[48, 'favicon.ico']] },
  // Maskable and Apple icons are cropped by the platform: the pin sits in the safe zone on the theme colour.
  maskable: { sizes: [192, 512], padding: 0.3, resizeOptions: { background: THEME_COLOR } },
  apple: { sizes: [180], padding: 0.1, resizeOptions: { background: THEME_COLOR } },
  assetName: (type, { width }) => ({
    transparent: `icons/icon-${width}.png`,
    maskable: `icons/maskable-${width}.png`,
    apple: `icons/apple-touch-icon-${width}.png`,
  })[type],
}

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset,
  images: ['public/favicon.svg'],
})
