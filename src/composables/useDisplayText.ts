import { useI18n } from 'vue-i18n'
import type { ServiceForm } from '../lib/types'

/** Locale-aware text for data values: lists joined the way each language joins them, and known grade words. */
export function useDisplayText() {
  const { t } = useI18n()
  const joinList = (items: string[]) => items.join(t('format.listSeparator'))
  return {
    joinList,
    services: (forms: ServiceForm[]) => joinList(forms.map((form) => t(`serviceForm.${form}`))),
    grade: (grade: string) => (grade === '未评估' ? t('format.gradeUnrated') : grade),
  }
}
