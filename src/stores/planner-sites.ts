import { ref } from 'vue'
import type { CoverageSite, SuggestedSite } from '../lib/coverage'
import { offsetByMeters } from '../lib/offset-by-meters'

/** A planner's what-if site: never part of the registry data; `number` is its label on the map. */
export type HypotheticalSite = CoverageSite & { hypothetical: true; number: number }

/** Default 托位 of a new or suggested site (a typical community 普惠 point). */
export const DEFAULT_SITE_CAPACITY = 40

interface SiteEvents {
  /** The set changed (added, removed, capacity): plain copies of every site. */
  changed(sites: CoverageSite[]): void
  /** One site moved (a drag frame or a nudge). */
  moved(id: string, lng: number, lat: number): void
}

/** The planner's what-if sites and their actions: part of the planner store (plain refs and functions). */
export function whatIfSitesState(events: SiteEvents) {
  /** The planner's what-if sites, in the order placed. */
  const hypothetical = ref<HypotheticalSite[]>([])
  /** true: the next map tap places a hypothetical site. */
  const placing = ref(false)
  let nextNumber = 1

  function setSites(next: HypotheticalSite[]) {
    hypothetical.value = next
    events.changed(next.map((site) => ({ ...site })))
  }
  function addSite(lng: number, lat: number, capacity = DEFAULT_SITE_CAPACITY) {
    const number = nextNumber++
    setSites([...hypothetical.value, { id: `hypothetical-${number}`, number, lng, lat, capacity, puhui: true, type: 'community', hypothetical: true }])
    placing.value = false
  }
  /** Every suggested site becomes a hypothetical site. */
  function addSuggested(suggestions: readonly SuggestedSite[]) {
    const added = suggestions.map(({ site }) => {
      const number = nextNumber++
      return { ...site, id: `hypothetical-${number}`, number, hypothetical: true as const }
    })
    setSites([...hypothetical.value, ...added])
  }
  function setCapacity(id: string, capacity: number) {
    setSites(hypothetical.value.map((site) => (site.id === id ? { ...site, capacity: Math.max(0, Math.round(capacity)) } : site)))
  }
  /** Moves a hypothetical site (called on every drag frame). */
  function moveSite(id: string, lng: number, lat: number) {
    if (!hypothetical.value.some((site) => site.id === id)) return
    hypothetical.value = hypothetical.value.map((site) => (site.id === id ? { ...site, lng, lat } : site))
    events.moved(id, lng, lat)
  }
  /** Moves a site by metres east and north (the keyboard's way to drag). */
  function nudgeSite(id: string, eastMeters: number, northMeters: number) {
    const site = hypothetical.value.find((candidate) => candidate.id === id)
    if (site) moveSite(id, ...offsetByMeters(site.lng, site.lat, eastMeters, northMeters))
  }
  function removeSite(id: string) { setSites(hypothetical.value.filter((site) => site.id !== id)) }
  /** Back to the data: every hypothetical site goes. */
  function reset() {
    setSites([])
    placing.value = false
  }
  function setPlacing(next: boolean) { placing.value = next }

  return { hypothetical, placing, addSite, addSuggested, setCapacity, moveSite, nudgeSite, removeSite, reset, setPlacing }
}
