/**
 * One-off extraction of the real town seats and village / community points of 张家港市 from Vonng/adcode
 * (`data/adcode/320582.csv`, CC BY 4.0; NBS codes of 2016-07-31, Amap points in GCJ-02), so that the build never
 * needs the raw file (it lives outside the repository). Only rows with a point are kept.
 * Output: data/sources/adcode-points.json (WGS84, converted from GCJ-02 with gcoord, 6 decimals).
 *
 * Usage: npx tsx scripts/extract-points.ts --adcode <vonng-adcode-320582.csv>
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import gcoord from 'gcoord'
import Papa from 'papaparse'
import type { AdcodePoint, AdcodePointsFile } from '../src/lib/real-points/join-real-points'

const OUT = resolve(import.meta.dirname, '../data/sources/adcode-points.json')

interface Row { code: string; parent: string; name: string; level: string; longitude: string; latitude: string }

const index = process.argv.indexOf('--adcode')
const file = index > 0 ? process.argv[index + 1] : undefined
if (!file) throw new Error('usage: npx tsx scripts/extract-points.ts --adcode <vonng-adcode-320582.csv>')
// The file has no header row; the columns are those of Vonng/adcode's schema.
const COLUMNS = ['code', 'parent', 'name', 'level', 'rank', 'adcode', 'post_code', 'area_code', 'ur_code', 'municipality',
  'virtual', 'dummy', 'longitude', 'latitude', 'center', 'province', 'city', 'county', 'town', 'village']
const rows = Papa.parse<string[]>(readFileSync(resolve(file), 'utf8'), { skipEmptyLines: true }).data
  .map((cells) => Object.fromEntries(COLUMNS.map((column, index) => [column, cells[index] ?? ''])) as unknown as Row)
const nameOf = new Map(rows.map((row) => [row.code, row.name]))

function toPoint(row: Row): AdcodePoint {
  const wgs84 = gcoord.transform([Number(row.longitude), Number(row.latitude)], gcoord.GCJ02, gcoord.WGS84)
  return {
    code: row.code, name: row.name, townCode: row.level === 'town' ? row.code : row.parent,
    townName: nameOf.get(row.level === 'town' ? row.code : row.parent) ?? '',
    position: [Math.round(wgs84[0] * 1e6) / 1e6, Math.round(wgs84[1] * 1e6) / 1e6],
  }
}

const located = rows.filter((row) => row.longitude !== '' && row.latitude !== '')
const output: AdcodePointsFile = {
  description: '张家港市 town seats and 村/居委会 points with NBS codes of 2016-07-31 (金港镇 has since been split into 金港 / 后塍 / 德积 街道). Amap label points, not centroids. Only rows with a point are listed.',
  source: 'Vonng/adcode, data/adcode/320582.csv (commit b755d6e, 2020-03-12), CC BY 4.0',
  crs: 'WGS84 (converted from GCJ-02 with gcoord)',
  // NBS 2023 has 金港 / 后塍 / 德积 街道 (001–003) where 2016 had 金港镇 (102): its villages are looked up among them.
  successors: { '320582102000': ['320582001', '320582002', '320582003'] },
  towns: located.filter((row) => row.level === 'town').map(toPoint),
  villages: located.filter((row) => row.level === 'village').map(toPoint),
}
const lines = [
  '{',
  `  "description": ${JSON.stringify(output.description)},`,
  `  "source": ${JSON.stringify(output.source)},`,
  `  "crs": ${JSON.stringify(output.crs)},`,
  `  "successors": ${JSON.stringify(output.successors)},`,
  '  "towns": [',
  output.towns.map((point) => `    ${JSON.stringify(point)}`).join(',\n'),
  '  ],',
  '  "villages": [',
  output.villages.map((point) => `    ${JSON.stringify(point)}`).join(',\n'),
  '  ]',
  '}',
]
writeFileSync(OUT, lines.join('\n') + '\n')
console.log(`wrote adcode-points.json: ${output.towns.length} towns, ${output.villages.length} villages`)
