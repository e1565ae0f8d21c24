import type { StyleSpecification } from 'maplibre-gl'
import { createBaseStyle, type BaseStyleOptions } from './base-style'
import type { ManagedSource } from './managed-source'

/**
 * The style the map is created with (placemark's load_and_augment_style): the offline basemap, then the content
 * sources wanted from the start with their data, each layer in its slot of CONTENT_LAYERS. MapLibre loads it once
 * and draws once, instead of a frame per addSource/setData after 'load' (100–600 ms each in software WebGL).
 */
export function createMapStyle(base: BaseStyleOptions, sources: ManagedSource[]): StyleSpecification {
  const style = createBaseStyle(base)
  // No transitions: paint properties never animate here, and a running transition draws frame after frame.
  style.transition = { duration: 0, delay: 0 }
  for (const source of sources) source.addToStyle(style)
  return style
}
