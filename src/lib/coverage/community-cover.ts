import type { PeopleTotals } from './assemble-metrics'
import type { CoverageCommunity } from './types'

/**
 * How many sites of the basis reach each community, with the people totals per zone and for the city
 * (slot zoneIds.length) kept current as counts cross zero. Zones come from the input: a community whose
 * zone id is not among them counts for the city only.
 *
 * @example
 * const cover = new CommunityCover(communities, grid.areaIds)
 * cover.setCounts(countCoveringSites(communities, sites, 1000))
 * cover.people.coveredUnder3[cover.citySlot] // covered children under 3 in the city
 */
export class CommunityCover {
  readonly counts: Int32Array
  readonly people: PeopleTotals
  readonly citySlot: number
  readonly under3: Float64Array
  /** Zone slot of each community, −1 when its zone is not among the input zones. */
  private readonly zoneOf: Int32Array

  constructor(communities: readonly CoverageCommunity[], zoneIds: readonly string[]) {
    const slots = new Map<string, number>(zoneIds.map((id, slot) => [id, slot]))
    const citySlot = (this.citySlot = zoneIds.length)
    this.counts = new Int32Array(communities.length)
    this.under3 = new Float64Array(communities.length)
    this.zoneOf = new Int32Array(communities.length)
    const people = (this.people = {
      under3: new Float64Array(citySlot + 1), coveredUnder3: new Float64Array(citySlot + 1),
      communities: new Int32Array(citySlot + 1), uncoveredCommunities: new Int32Array(citySlot + 1),
    })
    communities.forEach((community, index) => {
      const zone = (this.zoneOf[index] = slots.get(community.area) ?? -1)
      this.under3[index] = community.under3
      if (zone >= 0) { people.under3[zone] += community.under3; people.communities[zone]++ }
      people.under3[citySlot] += community.under3
      people.communities[citySlot]++
    })
    people.uncoveredCommunities.set(people.communities)
  }

  /** Sets the initial cover counts (all communities start uncovered). */
  setCounts(counts: Int32Array): void {
    this.counts.set(counts)
    for (let index = 0; index < counts.length; index++) if (counts[index] > 0) this.markCovered(index, 1)
  }

  /** One more (+1) or one fewer (−1) site reaches community `index`. */
  add(index: number, delta: 1 | -1): void {
    if (delta === 1 ? this.counts[index]++ === 0 : --this.counts[index] === 0) this.markCovered(index, delta)
  }

  private markCovered(index: number, sign: 1 | -1): void {
    const { people, citySlot } = this
    const zone = this.zoneOf[index]
    if (zone >= 0) {
      people.coveredUnder3[zone] += sign * this.under3[index]
      people.uncoveredCommunities[zone] -= sign
    }
    people.coveredUnder3[citySlot] += sign * this.under3[index]
    people.uncoveredCommunities[citySlot] -= sign
  }
}
