import type { FeatureCollection, Point } from 'geojson'
import type { CommunityProperties, IndicatorsFile, TargetsFile, ZoneProperties } from '../lib/types'
import { myDataContext } from './my-data-context'
import { communitiesWithCounts, computeMyIndicators } from './my-data-planner'
import { importPopulation, type CommunityRef } from './my-data-population'
import { importRegistry } from './my-data-registry'
import type { ImportProgress, ImportResult, PopulationImport, RegistryImport, ZonesImport } from './my-data-types'
import { importZones } from './my-data-zones'
import type { InstitutionCollection } from './types'

/** What the import worker does (my-data.worker.ts exposes it through Comlink): parse, validate and compute off the page. */
export const myDataApi = {
  importRegistry(bytes: Uint8Array, fileName: string, onProgress: (progress: ImportProgress) => void): Promise<ImportResult<RegistryImport>> {
    return importRegistry(bytes, fileName, myDataContext(), onProgress)
  },
  importPopulation(bytes: Uint8Array, fileName: string, communities: CommunityRef[]): Promise<ImportResult<PopulationImport>> {
    return importPopulation(bytes, fileName, communities)
  },
  importZones(bytes: Uint8Array, fileName: string, shippedZones: ZoneProperties[]): Promise<ImportResult<ZonesImport>> {
    return importZones(bytes, fileName, shippedZones)
  },
  /** The planner's communities and indicators on the planner's own data. */
  plannerData(input: {
    institutions: InstitutionCollection
    communities: FeatureCollection<Point, CommunityProperties>
    targets: TargetsFile
    population: PopulationImport | null
  }): { communities: FeatureCollection<Point, CommunityProperties>; indicators: IndicatorsFile } {
    const communities = communitiesWithCounts(input.communities, input.population)
    const indicators = computeMyIndicators({ ...input, communities, areas: myDataContext().areas }, input.population)
    return { communities, indicators }
  },
}

export type MyDataApi = typeof myDataApi
