import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { areaOfTown, parsePlanningAreas, type PlanningArea } from '../lib/planning-areas'
import type { RegistryContext } from '../lib/registry/validate-registry'
import boundaryText from '../../data/sources/boundary.geojson?raw'
import areasText from '../../data/sources/planning-areas.json?raw'

type Outline = Feature<Polygon | MultiPolygon>

export interface MyDataContext extends RegistryContext {
  areas: PlanningArea[]
}

let context: MyDataContext | null = null

/**
 * The build script's registry rules need the city outline (not the land: a site on the bank stays in) and the
 * planning areas; both are source files, bundled into the import worker so that its rules are the script's.
 */
export function myDataContext(): MyDataContext {
  if (context) return context
  const file = JSON.parse(boundaryText) as FeatureCollection<Polygon | MultiPolygon> | Outline
  const boundary = file.type === 'FeatureCollection' ? file.features[0] : file
  if (!boundary) throw new Error('boundary.geojson: no outline')
  const areas = parsePlanningAreas(JSON.parse(areasText))
  context = { boundary, areas, areaOfTown: (town) => areaOfTown(areas, town) }
  return context
}
