import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import { formatRejectedCsv } from '../lib/registry/format-rejected-csv'
import type { InputErrorCode, InputErrorParams } from '../lib/registry/registry-input-error'
import type { RejectedRow } from '../lib/registry/registry-types'
import type { ZoneProperties } from '../lib/types'
import { dissolvePolygons } from '../lib/dissolve-polygons'
import { checkZoneGeometry } from './my-data-zone-geometry'
import type { ImportFailure, ImportResult, ZonesImport } from './my-data-types'
import { toRejectedLine } from './rejected-line'

/** Larger than any town outline file needs; a bigger file is a mistake (a raster, a whole province). */
export const MAX_ZONES_BYTES = 20 * 1024 * 1024

const CODE_KEYS = ['id', 'code', '代码'] as const
const NAME_KEYS = ['name', '名称', '镇', 'NAME'] as const
/** The rejected list's columns: a town's coordinates would not fit in a spreadsheet cell, so 原始行 holds its properties. */
const HEADER = ['要素序号', '代码', '名称', '几何类型']

/** Trimmed, without spaces, full-width brackets and letters made half-width (NFKC). */
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '')
const textOf = (properties: Record<string, unknown>, keys: readonly string[]) =>
  keys.map((key) => properties[key]).find((value) => (typeof value === 'string' && value.trim() !== '') || typeof value === 'number')?.toString().trim() ?? ''

/** A feature's town: by code (a zone id), else by name (the zone's name, with or without its bracket, or one of its units). */
interface Match { zone: ZoneProperties; part: string }
function matcher(zones: readonly ZoneProperties[]) {
  const byId = new Map(zones.map((zone) => [zone.id as string, zone]))
  const byName = new Map<string, Match>()
  for (const zone of zones) {
    for (const name of [zone.name, zone.name.replace(/\([^)]*\)$/, '')]) byName.set(nameKey(name), { zone, part: '*' })
    for (const unit of zone.units) if (!byName.has(nameKey(unit))) byName.set(nameKey(unit), { zone, part: nameKey(unit) })
  }
  return (code: string, name: string): Match | string => {
    const byCode = code ? byId.get(code) : undefined
    if (byCode) return { zone: byCode, part: '*' }
    const found = name ? byName.get(nameKey(name)) : undefined
    if (found) return found
    if (!code && !name) return '没有镇（区）代码或名称（属性 id/code/代码 或 name/名称/镇）'
    return `未匹配到镇（区）：${[code && `代码“${code}”`, name && `名称“${name}”`].filter(Boolean).join('，')}`
  }
}

const failure = (message: string, code: InputErrorCode, params?: InputErrorParams): ImportFailure => ({ ok: false, message, code, params })

/** Bytes → parsed features, or the reason the file is not a usable GeoJSON. */
function readFeatures(bytes: Uint8Array): { features: unknown[]; encoding: string } | ImportFailure {
  if (bytes.byteLength > MAX_ZONES_BYTES) {
    const [size, max] = [(bytes.byteLength / 1024 / 1024).toFixed(1), MAX_ZONES_BYTES / 1024 / 1024]
    return failure(`文件过大（${size} MB），镇（区）边界文件不应超过 ${max} MB`, 'file-too-large', { size, max })
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return failure('不是 UTF-8 编码的文本文件', 'not-utf8')
  }
  const encoding = text.startsWith('\uFEFF') ? 'utf-8-bom' : 'utf-8'
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return failure(`不是有效的 JSON（${detail}）`, 'not-json', { detail })
  }
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined
  const list = type === 'FeatureCollection' ? (json as { features?: unknown }).features : type === 'Feature' ? [json] : undefined
  if (!Array.isArray(list)) return failure('不是 GeoJSON：应为要素集合（FeatureCollection）或单个要素（Feature）', 'not-geojson')
  if (list.length === 0) return failure('GeoJSON 中没有要素', 'no-features')
  return { features: list, encoding }
}

type Outline = Feature<Polygon | MultiPolygon, ZoneProperties>
/**
 * A town's outline from its features' polygons: one feature is kept as it came; several (its 街道, or pieces) are
 * dissolved, so the borders between them are not drawn.
 */
function outline(zone: ZoneProperties, features: Position[][][][]): Outline {
  const polygons = features.flat()
  const geometry: Polygon | MultiPolygon = features.length > 1
    ? dissolvePolygons(polygons) as Polygon | MultiPolygon
    : polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }
  return { type: 'Feature', properties: { ...zone, units: [...zone.units], approximate: false }, geometry }
}

/**
 * Imports town (镇/区) outlines from a GeoJSON file (UTF-8, WGS84): every feature is kept or rejected with its
 * 1-based index as line and Chinese reasons, like the table imports; features of one town (its 街道) are dissolved into one outline.
 *
 * @example
 * const answer = await importZones(bytes, '镇界.geojson', shippedZones)
 * if (answer.ok) answer.result.zones.features.every((zone) => !zone.properties.approximate) // true
 */
export async function importZones(bytes: Uint8Array, fileName: string, shippedZones: readonly ZoneProperties[]): Promise<ImportResult<ZonesImport>> {
  const read = readFeatures(bytes)
  if ('ok' in read) return read
  const find = matcher(shippedZones)
  const polygonsOf = new Map<string, Position[][][][]>()
  const seen = new Map<string, Map<string, number>>()
  const rejected: RejectedRow[] = []
  read.features.forEach((raw, index) => {
    const line = index + 1
    const feature = (typeof raw === 'object' && raw !== null ? raw : {}) as { type?: unknown; properties?: unknown; geometry?: unknown }
    const properties = (typeof feature.properties === 'object' && feature.properties !== null ? feature.properties : {}) as Record<string, unknown>
    const [code, name] = [textOf(properties, CODE_KEYS), textOf(properties, NAME_KEYS)]
    const geometryType = String((feature.geometry as { type?: unknown } | null)?.type ?? '')
    const issues: RejectedRow['issues'] = []
    if (feature.type !== 'Feature') issues.push({ code: 'missing-value', reason: `第 ${line} 项不是 GeoJSON 要素（Feature）` })
    const match = find(code, name)
    if (typeof match === 'string') issues.push({ code: 'unknown-town', reason: match })
    const geometry = checkZoneGeometry(feature.geometry)
    if ('code' in geometry) issues.push(geometry)
    const parts = typeof match === 'string' ? undefined : seen.get(match.zone.id)
    const earlier = typeof match === 'string' || !parts ? undefined : parts.get(match.part) ?? (match.part === '*' ? parts.values().next().value : parts.get('*'))
    if (typeof match !== 'string' && earlier !== undefined) issues.push({ code: 'duplicate-id', reason: `与第 ${earlier} 个要素为同一镇（区）：${match.zone.name}` })
    if (issues.length > 0 || typeof match === 'string' || 'code' in geometry) {
      rejected.push({ line, cells: [String(line), code, name, geometryType], raw: JSON.stringify(feature.properties ?? null), issues })
      return
    }
    seen.set(match.zone.id, (parts ?? new Map<string, number>()).set(match.part, line))
    polygonsOf.set(match.zone.id, [...(polygonsOf.get(match.zone.id) ?? []), geometry.polygons])
  })
  const features = shippedZones.flatMap((zone) => {
    const polygons = polygonsOf.get(zone.id)
    return polygons ? [outline(zone, polygons)] : []
  })
  return {
    ok: true,
    result: {
      kind: 'zones', fileName, encoding: read.encoding, read: read.features.length, kept: read.features.length - rejected.length, warnings: 0,
      rejected: rejected.map(toRejectedLine),
      rejectedCsv: formatRejectedCsv(HEADER, rejected), zones: { type: 'FeatureCollection', features }, towns: features.length,
    },
  }
}
