import { BORDER_ZONE, CITY_SLOT, FRACTION_UNITS, IN_CITY, NO_ZONE, type CoverageGrid } from './coverage-grid'
import type { AreaCoverage, CoverageMetrics } from './types'

/** Running people totals per zone in the grid's zone order (grid.areaIds), then the whole city at index areaIds.length. */
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
 * Turn running totals (people per zone, covered cells per cell class, covered border-cell fractions) into
 * city and per-area metrics. Areas are counted in FRACTION_UNITS: whole cells, plus each cell an outline
 * cuts by the part of it inside.
 * O(areas + 256): cheap enough to call on every drag frame.
 *
 * @example
 * assembleMetrics(grid, people, coveredPerClass, coveredBorderUnits, 1000).city.coveredShare // e.g. 0.83
 */
export function assembleMetrics(
  grid: CoverageGrid, people: PeopleTotals, coveredPerClass: Float64Array, coveredBorderUnits: Float64Array,
  radiusMeters: number,
): CoverageMetrics {
  const zoneCovered = Float64Array.from(coveredBorderUnits)
  const zoneCells = Float64Array.from(grid.borderUnitsPerSlot)
  let cityCovered = coveredBorderUnits[CITY_SLOT]
  let cityCells = grid.borderUnitsPerSlot[CITY_SLOT]
  for (let cellClass = 0; cellClass < 256; cellClass++) {
    const cells = grid.cellsPerClass[cellClass]
    if (cells === 0 || (cellClass & NO_ZONE) === BORDER_ZONE) continue // border cells count by their fractions
    const zone = cellClass & NO_ZONE
    if (zone !== NO_ZONE) {
      zoneCovered[zone] += coveredPerClass[cellClass]
      zoneCells[zone] += cells * FRACTION_UNITS
    }
    if (cellClass & IN_CITY) { cityCovered += coveredPerClass[cellClass]; cityCells += cells * FRACTION_UNITS }
  }
  const areas: Record<string, AreaCoverage> = {}
  grid.areaIds.forEach((zoneId, zone) => {
    areas[zoneId] = areaCoverage(
      people.under3[zone], people.coveredUnder3[zone], people.communities[zone], people.uncoveredCommunities[zone],
      zoneCovered[zone], zoneCells[zone],
    )
  })
  const cityIndex = grid.areaIds.length
  const city = areaCoverage(
    people.under3[cityIndex], people.coveredUnder3[cityIndex], people.communities[cityIndex],
    people.uncoveredCommunities[cityIndex], cityCovered, cityCells,
  )
  return { radiusMeters, city, areas }
}
