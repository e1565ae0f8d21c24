import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { notifyHost } from '../embed'
import type { InstitutionProperties } from '../lib/types'

/** The call link of an institution, and the embed rule: a host that takes the call dials natively. */
export function useCallAction(properties: Ref<InstitutionProperties>) {
  const { t } = useI18n()
  /** Said when a host app (苏周到, an iframe) took over the call. */
  const hostNotice = ref('')
  const telHref = computed(() => {
    const digits = properties.value.phone.replace(/[^\d+-]/g, '')
    return digits ? `tel:${digits}` : ''
  })
  // A tel: link inside an iframe would replace the app instead of dialling.
  function call(event: MouseEvent) {
    if (!notifyHost({ type: 'zjg-childcare/call', phone: properties.value.phone })) return
    event.preventDefault()
    hostNotice.value = t('embed.callSent', { phone: properties.value.phone })
  }
  return { telHref, call, hostNotice }
}
