import type { FeatureCollection, Point } from 'geojson'
import { computeDemand } from '../lib/demand/compute-demand'
import { computeIndicatorsByBasis } from '../lib/indicators/compute-indicators-by-basis'
import type { PlanningArea } from '../lib/planning-areas'
import type { CommunityProperties, IndicatorsFile, TargetsFile } from '../lib/types'
import type { PopulationImport } from './my-data-types'
import type { InstitutionCollection } from './types'

type Communities = FeatureCollection<Point, CommunityProperties>

/**
 * The shipped communities with the planner's own under-3 and population where the table gives them; a measured
 * count is the same on either basis, so both bases take it. Others keep the model's figures. Inputs are not modified.
 */
export function communitiesWithCounts(communities: Communities, population: PopulationImport | null): Communities {
  if (!population) return communities
  return {
    ...communities,
    features: communities.features.map((feature) => {
      const counts = population.counts[feature.properties.id]
      if (!counts) return feature
      const { under3, population: people } = counts
      return { ...feature, properties: { ...feature.properties, under3, under3Births: under3, population: people ?? feature.properties.population } }
    }),
  }
}

/**
 * indicators.json for the planner's own data, with the build script's functions (computeIndicatorsByBasis on the
 * demand model of targets.json); with a population table both bases total the table's counts.
 */
export function computeMyIndicators(
  input: { institutions: InstitutionCollection; communities: Communities; targets: TargetsFile; areas: readonly PlanningArea[] },
  population: PopulationImport | null,
): IndicatorsFile {
  const demand = Object.values(computeDemand(input.targets).bases).map((basis) => {
    if (!population) return basis
    const total = input.communities.features.reduce((sum, feature) => sum + feature.properties.under3, 0)
    return { ...basis, total, formula: `${population.fileName}: ${total}` }
  })
  return computeIndicatorsByBasis({ institutions: input.institutions.features, communities: input.communities, targets: input.targets, areas: input.areas }, demand)
}
