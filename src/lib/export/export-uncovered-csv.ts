import type { CommunityAccessibility, UncoveredCommunity } from '../coverage/types'
import { exportCsv } from './export-csv'

export interface UncoveredCsvOptions {
  /** Column titles in the user's language: id, name, area, under-3, nearest site (m), E2SFCA score, 托育荒漠. */
  header: readonly [string, string, string, string, string, string, string]
  /** Area id → display name. */
  areaName: (area: UncoveredCommunity['area']) => string
  /** Score and desert flag per community id (optional columns stay empty without it). */
  accessibility?: ReadonlyMap<string, CommunityAccessibility>
  /** Words for the desert flag, e.g. ['是', '否']. */
  yesNo: readonly [string, string]
}

/**
 * The uncovered communities as CSV with a UTF-8 BOM (Excel-safe): one row per community, distances in
 * metres (empty when no site exists), scores rounded to 0.1.
 *
 * @example
 * exportUncoveredCsv(state.uncoveredCommunities(), { header, areaName: (id) => names[id], yesNo: ['是', '否'] })
 */
export function exportUncoveredCsv(communities: readonly UncoveredCommunity[], options: UncoveredCsvOptions): string {
  const rows = communities.map((community) => {
    const access = options.accessibility?.get(community.id)
    return [
      community.id, community.name, options.areaName(community.area), community.under3, community.nearestSiteMeters,
      access ? Math.round(access.score * 10) / 10 : null,
      access ? options.yesNo[access.desert ? 0 : 1] : null,
    ]
  })
  return exportCsv(options.header, rows)
}
