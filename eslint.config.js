import pluginVue from 'eslint-plugin-vue'
import { withVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

export default withVueTs(
  { ignores: ['dist/**', 'dist-*/**', 'public/**', 'node_modules/**', 'coverage/**', 'tmp/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      'vue/multi-word-component-names': 'off',
      // Formatting is not a lint concern here.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      // Data fields must render as text, never as HTML.
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Rooms a newcomer can live in: short files and functions (message tables aside).
    files: ['src/**/*.{ts,vue}', 'scripts/**/*.{ts,mjs}'],
    ignores: ['src/i18n/messages/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vue', 'vue-*', 'pinia', '@vue/*'], message: 'src/lib is pure: no Vue.' },
          { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'Only src/map imports maplibre-gl.' },
        ],
      }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/map/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['maplibre-gl', 'maplibre-gl/*'], message: 'Only src/map imports maplibre-gl.' }],
      }],
    },
  },
)
