import { AREA_IDS, type AreaId } from '../types'
import { IN_CITY, NO_ZONE, type CoverageGrid } from './create-coverage-grid'
import type { AreaCoverage, CoverageMetrics } from './types'

/** Running people totals per planning area in AREA_IDS order, then the whole city at index AREA_IDS.length. */
export interface PeopleTotals {
  under3: Float64Array
  coveredUnder3: Float64Array
  communities: Int32Array
  uncoveredCommunities: Int32Array
}

function areaCoverage(
  under3: number, coveredUnder3: number, communities: number, uncovered: number, covered: number, cells: number,
): AreaCoverage {
  return {
    under3,
    coveredUnder3,
    coveredShare: under3 > 0 ? coveredUnder3 / under3 : 0,
    areaShare: cells > 0 ? covered / cells : 0,
    communities,
    uncoveredCommunities: uncovered,
  }
}

/**
 * Turn running totals (people per area, covered cells per cell class) into city and per-area metrics.
 * O(areas + 256): cheap enough to call on every drag frame.
 *
 * @example
 * assembleMetrics(grid, people, coveredPerClass, 1000).city.coveredShare // e.g. 0.83
 */
export function assembleMetrics(
  grid: CoverageGrid, people: PeopleTotals, coveredPerClass: Int32Array, radiusMeters: number,
): CoverageMetrics {
  const zoneCovered = new Float64Array(NO_ZONE + 1)
  const zoneCells = new Float64Array(NO_ZONE + 1)
  let cityCovered = 0
  let cityCells = 0
  for (let cellClass = 0; cellClass < 256; cellClass++) {
    const cells = grid.cellsPerClass[cellClass]
    if (cells === 0) continue
    zoneCovered[cellClass & NO_ZONE] += coveredPerClass[cellClass]
    zoneCells[cellClass & NO_ZONE] += cells
    if (cellClass & IN_CITY) { cityCovered += coveredPerClass[cellClass]; cityCells += cells }
  }
  const areas = {} as Record<AreaId, AreaCoverage>
  AREA_IDS.forEach((areaId, areaIndex) => {
    const zoneIndex = grid.areaIds.indexOf(areaId)
    areas[areaId] = areaCoverage(
      people.under3[areaIndex], people.coveredUnder3[areaIndex], people.communities[areaIndex],
      people.uncoveredCommunities[areaIndex],
      zoneIndex >= 0 ? zoneCovered[zoneIndex] : 0, zoneIndex >= 0 ? zoneCells[zoneIndex] : 0,
    )
  })
  const cityIndex = AREA_IDS.length
  const city = areaCoverage(
    people.under3[cityIndex], people.coveredUnder3[cityIndex], people.communities[cityIndex],
    people.uncoveredCommunities[cityIndex], cityCovered, cityCells,
  )
  return { radiusMeters, city, areas }
}
