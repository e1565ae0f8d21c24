import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson'
import type { InstitutionProperties, ManifestFile, ZoneProperties } from '../lib/types'

export type InstitutionCollection = FeatureCollection<Point, InstitutionProperties>
export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties>
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon>

async function fetchJson<T>(file: string): Promise<T> {
  const response = await fetch(`${import.meta.env.BASE_URL}data/${file}`)
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
  return (await response.json()) as T
}

/** The generated dataset. Large collections live in frozen shallowRefs: replaced, never mutated. */
export const useDataStore = defineStore('data', () => {
  /** loading → ready | error */
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  /** Reason of the last load failure, for the user. */
  const error = ref('')
  const manifest = shallowRef<ManifestFile | null>(null)
  const institutions = shallowRef<InstitutionCollection | null>(null)
  const zones = shallowRef<ZoneCollection | null>(null)
  const boundary = shallowRef<BoundaryCollection | null>(null)

  async function load() {
    status.value = 'loading'
    try {
      const [manifestFile, institutionFile, zoneFile, boundaryFile] = await Promise.all([
        fetchJson<ManifestFile>('manifest.json'),
        fetchJson<InstitutionCollection>('institutions.geojson'),
        fetchJson<ZoneCollection>('zones.geojson'),
        fetchJson<BoundaryCollection>('boundary.geojson'),
      ])
      manifest.value = Object.freeze(manifestFile)
      institutions.value = Object.freeze(institutionFile)
      zones.value = Object.freeze(zoneFile)
      boundary.value = Object.freeze(boundaryFile)
      status.value = 'ready'
    } catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause)
      status.value = 'error'
    }
  }

  return { status, error, manifest, institutions, zones, boundary, load }
})
