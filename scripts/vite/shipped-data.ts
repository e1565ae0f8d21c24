import { existsSync, readFileSync } from 'node:fs'
import type { ManifestFile, ShippedData } from '../../src/lib/types.ts'

/** The sample flag and date of the data the build ships (null when the data has not been built). */
export function shippedData(publicDir: string): ShippedData | null {
  const path = `${publicDir}/data/manifest.json`
  if (!existsSync(path)) return null
  const { sample, generatedAt } = JSON.parse(readFileSync(path, 'utf8')) as ManifestFile
  return { sample: sample === true, generatedAt: String(generatedAt) }
}
