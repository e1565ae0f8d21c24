import type { StyleSpecification } from 'maplibre-gl'

/** Colours of the institution types; the legend reads the same table. */
export const TYPE_COLORS = {
  center: '#7c3aed',
  community: '#0f766e',
  kindergarten: '#c2410c',
  employer: '#1d4ed8',
  private: '#6b7280',
} as const

/** A local style: no third-party tiles or glyphs. Sources are filled in by the controller. */
export function createBaseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dbeafe' } }],
  }
}
