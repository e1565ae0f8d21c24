import type { CommunityProperties } from '../lib/types'
import { POPULATION_HEADERS } from './my-data-headers'

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)

/**
 * The population table's template: every current 村/社区 with its code, name, town and the figures in use, as CSV
 * for Excel (UTF-8 with BOM, CRLF). Filled in and imported, it replaces those figures.
 */
export function populationTemplateCsv(communities: readonly { properties: CommunityProperties }[]): string {
  const header = [POPULATION_HEADERS.code[0], POPULATION_HEADERS.name[0], '所属镇街', POPULATION_HEADERS.under3[0], POPULATION_HEADERS.population[0]]
  const rows = communities.map(({ properties }) => [properties.id, properties.name, properties.town, String(properties.under3), String(properties.population)])
  return '\uFEFF' + [header, ...rows].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n'
}
