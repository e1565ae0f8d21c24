import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n, loadLocale } from './i18n'
import { readPreferences } from './storage/stored-values'
import './styles/base.css'

// An English page waits for its messages (one small chunk) rather than flashing Chinese first.
const wanted = new URLSearchParams(location.search).get('lang') ?? readPreferences().locale
void loadLocale(wanted === 'en' ? 'en' : 'zh-CN').then(() => createApp(App).use(createPinia()).use(i18n).mount('#app'))
