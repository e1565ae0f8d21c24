import type { FeatureCollection, Point } from 'geojson'
import type { CommunityProperties, IndicatorsFile, TargetsFile } from '../lib/types'
import { runMyDataJob } from './my-data-client'
import type { MyDataRecord } from './my-data-types'
import type { InstitutionCollection } from './types'

type Communities = FeatureCollection<Point, CommunityProperties>

/** What the planner computes on: institutions, communities and indicators. */
export interface PlannerData {
  institutions: InstitutionCollection
  communities: Communities
  indicators: IndicatorsFile
}

/**
 * The planner's inputs on the planner's own data: its registry (or the shipped institutions), the shipped
 * communities with its counts, and the indicators recomputed in the import worker with the build's functions.
 */
export function myPlannerData(record: Readonly<MyDataRecord>, shipped: { institutions: InstitutionCollection; communities: Communities; targets: TargetsFile }): Promise<PlannerData> {
  const institutions = record.registry?.institutions ?? shipped.institutions
  const input = { institutions, communities: shipped.communities, targets: shipped.targets, population: record.population }
  return runMyDataJob((api) => api.plannerData(input)).result.then((computed) => ({ institutions, ...computed }))
}
