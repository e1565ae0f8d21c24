import type { FeatureCollection, Point } from 'geojson'
import type { CommunityProperties, IndicatorsFile, TargetsFile } from '../lib/types'
import { runMyDataJob } from './my-data-client'
import type { MyDataRecord, ZonesImport } from './my-data-types'
import type { InstitutionCollection, ZoneCollection } from './types'

type Communities = FeatureCollection<Point, CommunityProperties>

/** What the planner computes on: institutions, communities, indicators and town outlines. */
export interface PlannerData {
  institutions: InstitutionCollection
  communities: Communities
  indicators: IndicatorsFile
  zones: ZoneCollection
}

/**
 * The shipped towns with the imported outline of each town the file covers (the current shipped properties, which a
 * newer data release may have changed since the import); the others keep the shipped outline. Inputs are not modified.
 */
export function zonesWithImport(shipped: ZoneCollection, imported: ZonesImport | null): ZoneCollection {
  if (!imported) return shipped
  const outlines = new Map(imported.zones.features.map((feature) => [feature.properties.id, feature.geometry]))
  return {
    ...shipped,
    features: shipped.features.map((feature) => {
      const geometry = outlines.get(feature.properties.id)
      return geometry ? { ...feature, geometry, properties: { ...feature.properties, approximate: false } } : feature
    }),
  }
}

/**
 * The planner's inputs on the planner's own data: its registry (or the shipped institutions), the shipped
 * communities with its counts, its town outlines, and the indicators recomputed in the import worker with the
 * build's functions.
 */
export function myPlannerData(
  record: Readonly<MyDataRecord>, shipped: { institutions: InstitutionCollection; communities: Communities; targets: TargetsFile; zones: ZoneCollection },
): Promise<PlannerData> {
  const institutions = record.registry?.institutions ?? shipped.institutions
  const zones = zonesWithImport(shipped.zones, record.zones)
  const input = { institutions, communities: shipped.communities, targets: shipped.targets, population: record.population }
  return runMyDataJob((api) => api.plannerData(input)).result.then((computed) => ({ institutions, zones, ...computed }))
}
