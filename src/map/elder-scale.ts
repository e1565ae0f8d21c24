import type { DataDrivenPropertyValueSpecification, Map as MapLibreMap } from 'maplibre-gl'

type Size = DataDrivenPropertyValueSpecification<number>

/** The sizes that grow in 适老化 mode: institution markers, their labels and counts, place and area names. */
const SCALED_TEXT = ['clusters-count', 'cluster-singles-puhui-mark', 'institutions-puhui-mark', 'institutions-name', 'zones-label', 'communities-label']
const SCALED_CIRCLES = ['clusters', 'cluster-singles', 'institutions-point', 'institutions-selected', 'place-marker']

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Multiplies marker and label sizes on whatever layers the map has now. Layers join and are re-added later (zoom,
 * style reload), so the controller calls this on every `styledata`; it remembers what it set, so a second call
 * changes nothing and the event does not loop. Sizes here are constants or data expressions, never zoom curves.
 */
export class ElderScale {
  private readonly originals = new Map<string, Size>()
  private readonly applied = new Map<string, Size>()
  scale = 1

  apply(map: MapLibreMap) {
    for (const id of SCALED_TEXT) {
      if (!map.getLayer(id)) continue
      const target = this.target(`${id}|text`, map.getLayoutProperty(id, 'text-size'))
      if (target !== null) map.setLayoutProperty(id, 'text-size', target)
    }
    for (const id of SCALED_CIRCLES) {
      if (!map.getLayer(id)) continue
      const target = this.target(`${id}|circle`, map.getPaintProperty(id, 'circle-radius'))
      if (target !== null) map.setPaintProperty(id, 'circle-radius', target)
    }
  }

  /** The value to set, or null when the layer already has it (or has no such property). */
  private target(key: string, current: Size | undefined): Size | null {
    if (current === undefined) return null
    const ours = this.applied.has(key) && same(current, this.applied.get(key))
    const original = (ours ? this.originals.get(key) : current) ?? current
    this.originals.set(key, original)
    const target = this.scaled(original)
    this.applied.set(key, target)
    return same(current, target) ? null : target
  }

  private scaled(original: Size): Size {
    if (this.scale === 1) return original
    if (typeof original === 'number') return original * this.scale
    // A data expression (case on 普惠, step on the cluster size) is wrapped; sizes here never use zoom curves.
    return Array.isArray(original) ? ['*', this.scale, original] as Size : original
  }
}
