import type { Position } from 'geojson'

/** A non-horizontal ring edge in grid units: [lowY, highY, x at lowY, dx/dy, direction (+1 up, −1 down)]. */
export type GridEdge = [number, number, number, number, number]

/**
 * The non-horizontal edges of rings mapped to grid units, sorted by their low y: the active-edge list both
 * scanline fills walk.
 *
 * @example
 * gridEdges([[[0, 0], [2, 0], [0, 2], [0, 0]]], (p) => [p[0], p[1]])
 * // [[0, 2, 2, -1, 1], [0, 2, 0, 0, -1]]
 */
export function gridEdges(rings: readonly Position[][], toGrid: (vertex: Position) => [number, number]): GridEdge[] {
  const edges: GridEdge[] = []
  for (const ring of rings) {
    const points = ring.map(toGrid)
    for (let index = 0; index + 1 < points.length; index++) {
      const [x1, y1] = points[index]
      const [x2, y2] = points[index + 1]
      if (y1 === y2) continue
      edges.push(y1 < y2 ? [y1, y2, x1, (x2 - x1) / (y2 - y1), 1] : [y2, y1, x2, (x1 - x2) / (y1 - y2), -1])
    }
  }
  return edges.sort((a, b) => a[0] - b[0])
}
