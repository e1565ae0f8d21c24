import type { Map as MapLibreMap } from 'maplibre-gl'

type Kind = 'layout' | 'paint'
/** The sizes that grow in 适老化 mode: institution markers, their labels and counts, place and area names. */
const SCALED: ReadonlyArray<[Kind, string, readonly string[]]> = [
  ['layout', 'text-size', ['clusters-count', 'cluster-singles-puhui-mark', 'institutions-puhui-mark', 'institutions-name', 'zones-label', 'communities-label']],
  ['paint', 'circle-radius', ['clusters', 'cluster-singles', 'institutions-point', 'institutions-selected', 'place-marker']],
]

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Multiplies marker and label sizes on whatever layers the map has now. Layers join and are re-added later (zoom,
 * style reload), so the controller calls this on every `styledata`; it remembers what it set, so a second call
 * changes nothing and the event does not loop. Sizes here are constants or data expressions, never zoom curves.
 */
export class ElderScale {
  private readonly originals = new Map<string, unknown>()
  private readonly applied = new Map<string, unknown>()
  scale = 1

  apply(map: MapLibreMap) {
    for (const [kind, property, ids] of SCALED) {
      for (const id of ids) {
        if (!map.getLayer(id)) continue
        const key = `${id}|${property}`
        const current: unknown = kind === 'layout' ? map.getLayoutProperty(id, property) : map.getPaintProperty(id, property)
        if (current === undefined) continue
        const ours = this.applied.has(key) && same(current, this.applied.get(key))
        const original = ours ? this.originals.get(key) : current
        this.originals.set(key, original)
        const target = this.scaled(original)
        this.applied.set(key, target)
        if (same(current, target)) continue
        if (kind === 'layout') map.setLayoutProperty(id, property, target)
        else map.setPaintProperty(id, property, target)
      }
    }
  }

  private scaled(original: unknown): unknown {
    if (this.scale === 1) return original
    if (typeof original === 'number') return original * this.scale
    return Array.isArray(original) ? ['*', this.scale, original] : original
  }
}
