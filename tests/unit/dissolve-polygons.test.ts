import { area } from '@turf/area'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { dissolvePolygons } from '../../src/lib/dissolve-polygons'

const box = (west: number, south: number, size = 0.01): Position[][] =>
  [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]]

describe('dissolvePolygons', () => {
  it('has nothing to dissolve without polygons, and keeps a single one as it came', () => {
    expect(dissolvePolygons([])).toBeNull()
    expect(dissolvePolygons([box(120.5, 31.85)])).toEqual({ type: 'Polygon', coordinates: box(120.5, 31.85) })
  })

  it('makes parts that touch or overlap one polygon, with the area of their union', () => {
    const touching = dissolvePolygons([box(120.5, 31.85), box(120.51, 31.85)]) as Polygon
    expect(touching.type).toBe('Polygon')
    expect(touching.coordinates).toHaveLength(1)
    expect(area(touching)).toBeCloseTo(area({ type: 'Polygon', coordinates: box(120.5, 31.85) }) * 2, -2)
    // Overlapping by half: one and a half boxes, not two.
    const overlapping = dissolvePolygons([box(120.5, 31.85), box(120.505, 31.85)]) as Polygon
    expect(overlapping.type).toBe('Polygon')
    expect(area(overlapping)).toBeCloseTo(area({ type: 'Polygon', coordinates: box(120.5, 31.85) }) * 1.5, -2)
  })

  it('keeps parts apart from each other as the polygons of one MultiPolygon', () => {
    const apart = dissolvePolygons([box(120.5, 31.85), box(120.6, 31.9)]) as MultiPolygon
    expect(apart.type).toBe('MultiPolygon')
    expect(apart.coordinates).toHaveLength(2)
  })

  it('joins what the polygon clipper refuses (an empty ring) rather than dropping any part', () => {
    const joined = dissolvePolygons([[[]], box(120.6, 31.9)])
    expect(joined).toEqual({ type: 'MultiPolygon', coordinates: [[[]], box(120.6, 31.9)] })
  })
})
