import type { Feature, FeatureCollection, MultiPolygon } from 'geojson'
import { ManagedSource } from './managed-source'
import { PLANNER_SOURCES, plannerLayers } from './layers/planner'

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/**
 * The planner's drawing on the shared map: the covered area, the hypothetical sites' circles (dashed), uncovered and
 * desert communities, and the sites themselves. Hand `sources` to MapController.addSources; each slots into
 * CONTENT_LAYERS (areas under the institutions, sites on top).
 */
export class PlannerLayers {
  private visible: boolean
  private readonly coverage: ManagedSource
  private readonly circles: ManagedSource
  private readonly communities: ManagedSource
  private readonly sites: ManagedSource

  constructor(visible: boolean) {
    this.visible = visible
    const source = (name: keyof typeof PLANNER_SOURCES) =>
      new ManagedSource({ id: PLANNER_SOURCES[name], layers: () => plannerLayers(name, this.visible) }, EMPTY)
    this.coverage = source('coverage')
    this.circles = source('circles')
    this.communities = source('communities')
    this.sites = source('sites')
  }

  get sources(): ManagedSource[] { return [this.coverage, this.circles, this.communities, this.sites] }

  /** The covered area and the community points (properties uncovered / desert); undefined leaves one as it is. */
  setCoverage(coverage: Feature<MultiPolygon> | null | undefined, communities?: FeatureCollection) {
    if (coverage !== undefined) this.coverage.setData(coverage ?? EMPTY)
    if (communities) this.communities.setData(communities)
  }

  /** Hypothetical sites (Point features with id and label) and their circles. */
  setHypotheticalSites(sites: FeatureCollection, circles: FeatureCollection) {
    this.sites.setData(sites)
    this.circles.setData(circles)
  }

  /** Shows the planner's layers only in the planner view. */
  setVisible(visible: boolean) {
    if (visible === this.visible) return
    this.visible = visible
    for (const source of this.sources) {
      source.update((map) => { for (const id of source.layerIds()) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none') })
    }
  }
}
