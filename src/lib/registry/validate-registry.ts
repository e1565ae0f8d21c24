import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { distance } from '@turf/distance'
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson'
import type { AreaId, InstitutionProperties } from '../types'
import { parseRegistryRow, type ParsedRegistryRow } from './parse-registry-row'
import type { RegistryRow } from './read-registry-table'
import type { RejectedRow, RejectionCode, RowIssue, RowWarning } from './registry-types'
import { registryRowWarnings } from './registry-row-warnings'
import { toWgs84 } from './to-wgs84'

export interface RegistryContext {
  /** The city outline, WGS84. */
  boundary: Feature<Polygon | MultiPolygon>
  /** Planning area of a township-level unit as written in the registry; undefined when unknown. */
  areaOfTown: (town: string) => AreaId | undefined
}

export interface ValidatedRegistry {
  /** Kept rows in source order. */
  institutions: Feature<Point, InstitutionProperties>[]
  rejected: RejectedRow[]
  warnings: RowWarning[]
}

/** Same name closer than this to an earlier kept row: the same institution entered twice. */
export const NEAR_DUPLICATE_METERS = 50
const round6 = (value: number) => Math.round(value * 1e6) / 1e6

/**
 * Validates every row in order and accounts for each: kept as an institution (WGS84 Point) or rejected with
 * reasons; suspicious kept values become warnings. Inputs are not modified.
 *
 * @example
 * const { institutions, rejected } = validateRegistry(table.rows, { boundary, areaOfTown })
 * institutions.length + rejected.length === table.rows.length // always
 */
export function validateRegistry(rows: readonly RegistryRow[], context: RegistryContext): ValidatedRegistry {
  const result: ValidatedRegistry = { institutions: [], rejected: [], warnings: [] }
  const lineOfId = new Map<string, number>()
  const keptByName = new Map<string, { line: number; position: [number, number] }[]>()
  for (const row of rows) {
    const reject = (issues: RowIssue<RejectionCode>[]) => result.rejected.push({ line: row.line, cells: row.cells, raw: row.raw, issues })
    const id = (row.values.id ?? '').trim()
    const firstLine = lineOfId.get(id)
    if (id !== '' && firstLine === undefined) lineOfId.set(id, row.line)
    if (row.extraCells > 0) {
      reject([{ code: 'column-count', reason: `列数多于表头（多 ${row.extraCells} 个非空单元格，可能有未加引号的逗号）` }])
      continue
    }
    const parsed = parseRegistryRow(row.values)
    if (!parsed.ok) {
      reject(parsed.issues)
      continue
    }
    const { row: values } = parsed
    const issues: RowIssue<RejectionCode>[] = []
    const area = context.areaOfTown(values.town)
    if (!area) issues.push({ code: 'unknown-town', field: 'town', reason: `所属镇街未知：“${values.town}”` })
    const position = locate(values, context.boundary, issues)
    if (values.capacityUnder2 > values.capacity) {
      issues.push({ code: 'under2-exceeds-capacity', field: 'capacityUnder2', reason: `2岁以下托位数（${values.capacityUnder2}）大于托位数（${values.capacity}）` })
    }
    if (firstLine !== undefined) issues.push({ code: 'duplicate-id', field: 'id', reason: `机构编号与第 ${firstLine} 行重复` })
    const nameKey = values.name.replace(/\s+/g, '')
    const twin = position && keptByName.get(nameKey)?.find((kept) => distance(kept.position, position, { units: 'meters' }) <= NEAR_DUPLICATE_METERS)
    if (twin) issues.push({ code: 'near-duplicate-name', field: 'name', reason: `与第 ${twin.line} 行同名且相距不到 ${NEAR_DUPLICATE_METERS} 米` })
    if (issues.length > 0 || !area || !position) {
      reject(issues)
      continue
    }
    keptByName.set(nameKey, [...(keptByName.get(nameKey) ?? []), { line: row.line, position }])
    result.warnings.push(...registryRowWarnings(values).map((warning) => ({ ...warning, line: row.line })))
    result.institutions.push(toFeature(values, area, position))
  }
  return result
}

/** WGS84 position inside the city, or undefined with the reason pushed to issues. */
function locate(values: ParsedRegistryRow, boundary: RegistryContext['boundary'], issues: RowIssue<RejectionCode>[]) {
  const inside = (lon: number, lat: number) => {
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return undefined
    const position = toWgs84([lon, lat], values.crs)
    return booleanPointInPolygon(position, boundary) ? position : undefined
  }
  const position = inside(values.lon, values.lat)
  if (position) return position
  if (inside(values.lat, values.lon)) {
    issues.push({ code: 'swapped-coordinates', field: 'lon', reason: `经纬度可能颠倒（经度 ${values.lon}，纬度 ${values.lat}）` })
  } else if (Math.abs(values.lon) > 180 || Math.abs(values.lat) > 90) {
    issues.push({ code: 'invalid-coordinates', field: 'lon', reason: `经纬度超出取值范围（经度 ${values.lon}，纬度 ${values.lat}）` })
  } else {
    issues.push({ code: 'outside-city', field: 'lon', reason: `坐标不在张家港市范围内（经度 ${values.lon}，纬度 ${values.lat}，${values.crs}）` })
  }
  return undefined
}

function toFeature(values: ParsedRegistryRow, area: AreaId, position: [number, number]): Feature<Point, InstitutionProperties> {
  const properties: InstitutionProperties = {
    id: values.id, name: values.name, town: values.town, area, address: values.address, type: values.type,
    puhui: values.puhui, capacity: values.capacity, capacityUnder2: values.capacityUnder2, enrolled: values.enrolled,
    priceFullDay: values.priceFullDay, services: values.services.services, ageMinMonths: values.ageMinMonths,
    ageMaxMonths: values.ageMaxMonths, phone: values.phone, hours: values.hours, medicalPartner: values.medicalPartner,
    staff: values.staff, staffCertified: values.staffCertified, qualityGrade: values.qualityGrade,
    inclusive: values.inclusive, openedYear: values.openedYear, filingNo: values.filingNo,
    updatedAt: values.updatedAt.iso, sample: values.sample,
    ...(values.classes ? { classes: values.classes } : {}),
  }
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [round6(position[0]), round6(position[1])] }, properties }
}
