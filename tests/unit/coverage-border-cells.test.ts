import { describe, expect, it } from 'vitest'
import type { Position } from 'geojson'
import { createCoverageGrid } from '../../src/lib/coverage'
import { coveredUnitsPerCell } from '../fixtures/coverage/covered-units-per-cell'
import { createCountGrid } from '../../src/lib/coverage/create-count-grid'
import {
  BORDER_ZONE, CITY_SLOT, FRACTION_UNITS, IN_CITY, NO_ZONE, type CoverageGrid,
} from '../../src/lib/coverage/coverage-grid'
import { polygonRings } from '../../src/lib/coverage/polygon-rings'
import { polygonRowFractions } from '../../src/lib/coverage/polygon-row-fractions'
import { syntheticData } from '../../scripts/bench/synthetic-data'

const RADIANS = Math.PI / 180


/** Polygon area in grid cells, by the shoelace formula in the grid's projection. */
function projectedCells(grid: CoverageGrid, rings: Position[][]): number {
  const toGrid = ([lng, lat]: Position) => [
    (6371008.8 * (lng - grid.centralLng) * RADIANS * grid.standardCos - grid.originX) / grid.cellSizeMeters,
    ((6371008.8 * Math.sin(lat * RADIANS)) / grid.standardCos - grid.originY) / grid.cellSizeMeters,
  ]
  return Math.abs(rings.reduce((sum, ring) => {
    const points = ring.map(toGrid)
    let twice = 0
    for (let index = 0; index + 1 < points.length; index++) {
      twice += points[index][0] * points[index + 1][1] - points[index + 1][0] * points[index][1]
    }
    return sum + twice / 2
  }, 0))
}

describe('partial cells along outlines', () => {
  it('gives a hand-checked triangle its whole cells and exact cut fractions', () => {
    // Right triangle (0,0)–(2,0)–(0,2): the diagonal halves cells (1,0) and (0,1); cell (0,0) is whole.
    const seen: [number, number[], number[]][] = []
    polygonRowFractions([[[0, 0], [2, 0], [0, 2], [0, 0]]], 4, 4, (point) => [point[0], point[1]],
      (row, interior, interiorLength, border, borderLength) =>
        seen.push([row, [...interior.subarray(0, interiorLength)], [...border.subarray(0, borderLength)]]))
    expect(seen).toEqual([[0, [0, 1], [1, 0.5]], [1, [], [0, 0.5]]])
  })

  it('adds up every zone and the city to their projected polygon areas', () => {
    const data = syntheticData({ sites: 1, communities: 1, seed: 4 })
    const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary, cellSizeMeters: 50 })
    data.zones.features.forEach((zone, zoneIndex) => {
      let cells = 0
      for (let cellClass = 0; cellClass < 256; cellClass++) if ((cellClass & NO_ZONE) === zoneIndex) cells += grid.cellsPerClass[cellClass]
      const measured = cells + grid.borderUnitsPerSlot[zoneIndex] / FRACTION_UNITS
      const exact = projectedCells(grid, polygonRings(zone))
      expect(Math.abs(measured - exact)).toBeLessThan(1e-7 * exact)
    })
    let cityCells = 0
    for (let cellClass = IN_CITY; cellClass < 256; cellClass++) if ((cellClass & NO_ZONE) !== BORDER_ZONE) cityCells += grid.cellsPerClass[cellClass]
    const city = cityCells + grid.borderUnitsPerSlot[CITY_SLOT] / FRACTION_UNITS
    const exactCity = projectedCells(grid, polygonRings(data.boundary))
    expect(Math.abs(city - exactCity)).toBeLessThan(1e-7 * exactCity)
    expect(grid.borderCells.length).toBeGreaterThan(1000)
  })

  it('tallies covered border fractions as a direct per-cell sum does, built at once and edited', () => {
    const data = syntheticData({ sites: 400, communities: 1, seed: 9 })
    const grid = createCoverageGrid({ zones: data.zones, boundary: data.boundary, cellSizeMeters: 50 })
    // Each outline's share of a cut cell times the cell's covered share, rounded per entry.
    const covered = coveredUnitsPerCell(grid, data.sites, 1000)
    const direct = new Float64Array(NO_ZONE + 1)
    grid.borderCells.forEach((cell, border) => {
      const cellUnits = covered.get(cell) ?? 0
      for (let entry = grid.borderEntryStart[border]; entry < grid.borderEntryStart[border + 1]; entry++) {
        direct[grid.borderEntrySlot[entry]] += Math.round((grid.borderEntryUnits[entry] * cellUnits) / FRACTION_UNITS)
      }
    })
    const built = createCountGrid(grid, data.sites, 1000)
    expect(Array.from(built.coveredBorderUnits)).toEqual(Array.from(direct))
    const edited = createCountGrid(grid, data.sites.slice(0, 200), 1000)
    for (const site of data.sites.slice(200)) edited.stamp(site.lng, site.lat, 1)
    expect(Array.from(edited.coveredBorderUnits)).toEqual(Array.from(built.coveredBorderUnits))
    expect(built.coveredBorderUnits[CITY_SLOT]).toBeGreaterThan(0)
  })
})
