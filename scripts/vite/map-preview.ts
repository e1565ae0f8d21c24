import { existsSync, readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import type { FeatureCollection, Point } from 'geojson'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { polygonRings } from '../../src/lib/coverage/polygon-rings.ts'
import { CITY_VIEW_BOUNDS } from '../../src/lib/types.ts'

type Position = [number, number]

const FILE = 'map-preview.svg'
/** The data files of the first screen (CORE_FILES in the data loader), preloaded with the scripts. */
const FIRST_SCREEN_DATA = ['manifest.json', 'institutions.geojson', 'zones.geojson', 'boundary.geojson']
/** Half the size of an institution's dot, in the picture's units (1 unit ≈ 0.6 m). */
const DOT_RADIUS = 8
/** The basemap's colours (src/map/base-style.ts): land around the city, the Yangtze, the city's land. */
const COLORS = { outside: '#e9e7e1', water: '#cfe3f3', land: '#f8fafc' }
/** Label search grid over the city view: fine enough to find the middle of the river, cheap at build time. */
const LABEL_GRID = 48

/** Web Mercator in whole units from the west edge of the city view: points closer than a unit add bytes, not detail. */
function project([lon, lat]: Position): Position {
  return [
    Math.round(((lon - CITY_VIEW_BOUNDS[0]) * Math.PI) / 180 * 100_000),
    Math.round(-Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 100_000),
  ]
}

function readCollection(publicDir: string, name: string): FeatureCollection {
  const path = `${publicDir}/data/${name}`
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection) : { type: 'FeatureCollection', features: [] }
}

function polygonPath(collection: FeatureCollection): string {
  return polygonRings(collection).map((ring) => {
    const points = ring.map((position) => project(position as Position))
      .filter((point, index, all) => index === 0 || point.join() !== all[index - 1].join())
    return `M${points.map((point) => point.join(' ')).join('L')}Z`
  }).join('')
}

function dotsPath(collection: FeatureCollection): string {
  return collection.features.filter(({ geometry }) => geometry?.type === 'Point').map(({ geometry }) => {
    const [x, y] = project((geometry as Point).coordinates as Position)
    const r = DOT_RADIUS // an SVG arc needs it four times: short keeps the template readable
    return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`
  }).join('')
}

/**
 * Where to write the river's name: of a grid over the middle of the city view, the point inside the water farthest from its banks
 * (a coarse pole of inaccessibility), so the label sits mid-stream. null when no water lies in view.
 */
function waterLabelPoint(water: FeatureCollection): Position | null {
  const rings = polygonRings(water).flat() as Position[]
  const [west, south, east, north] = CITY_VIEW_BOUNDS
  let best: { point: Position; clearance: number } | null = null
  for (let row = 1; row < LABEL_GRID; row += 1) {
    // The middle half of the view from west to east: a name at the picture's edge reads as cut off.
    for (let column = LABEL_GRID / 4; column <= (LABEL_GRID * 3) / 4; column += 1) {
      const point: Position = [west + ((east - west) * column) / LABEL_GRID, south + ((north - south) * row) / LABEL_GRID]
      if (!water.features.some((feature) => feature.geometry && /Polygon$/.test(feature.geometry.type)
        && booleanPointInPolygon(point, feature as Parameters<typeof booleanPointInPolygon>[1]))) continue
      const clearance = Math.min(...rings.map(([lon, lat]) => Math.hypot(lon - point[0], lat - point[1])))
      if (!best || clearance > best.clearance) best = { point, clearance }
    }
  }
  return best?.point ?? null
}

function waterSvg(water: FeatureCollection, line: string): string {
  if (water.features.length === 0) return ''
  const label = waterLabelPoint(water)
  const name = String(water.features[0].properties?.name ?? '')
  const [x, y] = label ? project(label) : [0, 0]
  return `<path d="${polygonPath(water)}" fill="${COLORS.water}" fill-rule="evenodd" stroke="none" ${line}/>`
    + (label && name ? `<text x="${x}" y="${y}" font-size="22" letter-spacing="3" fill="#1d5f8c" text-anchor="middle" dominant-baseline="middle">${name}</text>` : '')
}

function renderPreview(publicDir: string): string {
  const [minX, maxY] = project([CITY_VIEW_BOUNDS[0], CITY_VIEW_BOUNDS[1]])
  const [maxX, minY] = project([CITY_VIEW_BOUNDS[2], CITY_VIEW_BOUNDS[3]])
  const line = 'vector-effect="non-scaling-stroke"'
  const read = (name: string) => readCollection(publicDir, name)
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}">`
    + `<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="${COLORS.outside}"/>`
    + waterSvg(read('water.geojson'), line)
    + `<path d="${polygonPath(read('boundary.geojson'))}" fill="${COLORS.land}" stroke="#334155" stroke-width="1.5" ${line}/>`
    + `<path d="${polygonPath(read('zones.geojson'))}" fill="none" stroke="#64748b" stroke-width="1" stroke-dasharray="2 2" ${line}/>`
    + `<path d="${dotsPath(read('institutions.geojson'))}" fill="#0f766e" stroke="#fff" stroke-width="1" ${line}/></svg>\n`
}

/**
 * map-preview.svg: a static picture of the city (the Yangtze and its name, land, planning areas, every institution) drawn from the data at
 * build time. The map pane shows it until MapLibre has started, so the first screen paints the map area at once,
 * without JavaScript work and without waiting for the data. Same bounds as the map's first view, Web Mercator.
 */
export function mapPreview(publicDir: string): Plugin {
  return {
    name: 'zjg-map-preview',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== `/${FILE}`) return next()
        response.setHeader('Content-Type', 'image/svg+xml')
        response.end(renderPreview(publicDir))
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: FILE, source: renderPreview(publicDir) })
    },
    // Fetched with the scripts, so the picture is there when the app first paints (it is the largest element),
    // and so are the data files of the first screen: no manifest → files chain.
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'preload', as: 'image', href: FILE, type: 'image/svg+xml' }, injectTo: 'head' },
      ...FIRST_SCREEN_DATA.map((name) => (
        { tag: 'link', attrs: { rel: 'preload', as: 'fetch', href: `data/${name}`, crossorigin: true }, injectTo: 'head' as const })),
    ],
  }
}
