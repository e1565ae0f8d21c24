import { ref } from 'vue'

/** Whether the filter sheet is open, and the id of the field to focus when it opens (null: its first control). */
const open = ref(false)
const focusField = ref<string | null>(null)

/** Shared by the 筛选 chip, the sheet and the empty state's "choose another town" (one dialog for the page). */
export function useFilterSheet() {
  function show(field: string | null = null) {
    focusField.value = field
    open.value = true
  }
  function hide() { open.value = false }
  return { open, focusField, show, hide }
}
