import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import type { InstitutionProperties, ManifestFile, ZoneProperties } from '../lib/types'

export type InstitutionCollection = FeatureCollection<Point, InstitutionProperties>
export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties>
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon>

/** The files the first screen needs, validated, parsed and frozen. */
export interface CoreData {
  manifest: Readonly<ManifestFile>
  institutions: Readonly<InstitutionCollection>
  zones: Readonly<ZoneCollection>
  boundary: Readonly<BoundaryCollection>
}
