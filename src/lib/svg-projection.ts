import type { Position } from 'geojson'

export interface SvgProjection {
  width: number
  height: number
  /** WGS84 [lng, lat] → SVG [x, y], rounded to 0.1 unit. */
  project: (position: Position) => [number, number]
  /** Rings as one SVG path (even-odd fill gives holes). */
  path: (rings: Position[][]) => string
}

/**
 * An equirectangular projection (x scaled by cos of the middle latitude, so shapes keep their proportions at city
 * scale) that fits [west, south, east, north] into `width` SVG units with `margin` around; the height follows.
 *
 * @example
 * fitSvgProjection([120, 31, 121, 32], 1000).project([120.5, 31.5]) // [500, ≈ 598]
 */
export function fitSvgProjection(bounds: readonly [number, number, number, number], width: number, margin = 0): SvgProjection {
  const [west, south, east, north] = bounds
  const xScale = Math.cos((((south + north) / 2) * Math.PI) / 180)
  const spanX = Math.max(1e-9, (east - west) * xScale)
  const spanY = Math.max(1e-9, north - south)
  const scale = (width - 2 * margin) / spanX
  const height = Math.round(spanY * scale + 2 * margin)
  const round = (value: number) => Math.round(value * 10) / 10
  const project = (position: Position): [number, number] =>
    [round(margin + (position[0] - west) * xScale * scale), round(margin + (north - position[1]) * scale)]
  const path = (rings: Position[][]) => rings
    .filter((ring) => ring.length > 2)
    .map((ring) => `M${ring.map((position) => project(position).join(' ')).join('L')}Z`)
    .join('')
  return { width, height, project, path }
}
