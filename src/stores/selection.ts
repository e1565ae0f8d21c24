import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Most institutions shown side by side. */
export const MAX_COMPARE = 3

/** The institution shown in the detail sheet and those picked for comparison. */
export const useSelectionStore = defineStore('selection', () => {
  /** Id of the selected institution (map and list agree on it); null when none. */
  const selectedId = ref<string | null>(null)
  /** Up to three ids to compare, in the order picked. */
  const compareIds = ref<string[]>([])

  function select(id: string | null) { selectedId.value = id }
  /** Adds or removes an id; returns false when the list is already full. */
  function toggleCompare(id: string): boolean {
    if (compareIds.value.includes(id)) {
      compareIds.value = compareIds.value.filter((other) => other !== id)
      return true
    }
    if (compareIds.value.length >= MAX_COMPARE) return false
    compareIds.value = [...compareIds.value, id]
    return true
  }
  function clearCompare() { compareIds.value = [] }

  return { selectedId, compareIds, select, toggleCompare, clearCompare }
})
