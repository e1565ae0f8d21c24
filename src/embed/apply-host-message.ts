import { watch } from 'vue'
import type { HostMessage } from '../lib/embed/embed-messages'
import { useDataStore } from '../stores/data'
import { useFiltersStore } from '../stores/filters'
import { useLocationStore } from '../stores/location'
import { useSelectionStore } from '../stores/selection'
import { useViewStore } from '../stores/view'

/** Store actions for each validated host message. Call inside a component setup (or with an active Pinia). */
export function createHostMessageHandler(): (message: HostMessage) => void {
  const data = useDataStore()
  const filters = useFiltersStore()
  const location = useLocationStore()
  const selection = useSelectionStore()
  const view = useViewStore()

  function selectWhenLoaded(id: string) {
    const apply = () => {
      // An id that is not in the data changes nothing.
      if (data.institutions?.features.some((feature) => feature.properties.id === id)) selection.select(id)
    }
    if (data.status === 'ready') return apply()
    const stop = watch(() => data.status, (status) => {
      if (status === 'loading' || status === 'idle') return
      stop()
      if (status === 'ready') apply()
    })
  }

  return (message) => {
    switch (message.type) {
      case 'zjg-childcare/setFilters':
        filters.apply(message.filters)
        break
      case 'zjg-childcare/setLocation':
        location.setPlace({ lng: message.lng, lat: message.lat, source: 'host' })
        break
      case 'zjg-childcare/select':
        selectWhenLoaded(message.id)
        break
      case 'zjg-childcare/setView':
        view.setView(message.view)
        break
    }
  }
}
