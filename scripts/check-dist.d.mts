export const BUDGETS: { appJsGzipBytes: number; dataGzipBytes: number }
export function precacheUrls(dist?: string): string[]
export function missingFromPrecache(dist?: string): string[]
export function initialScripts(dist?: string): string[]
export function distSizes(dist?: string): {
  appJsGzipBytes: number; allAppJsGzipBytes: number; mapLibreGzipBytes: number; serviceWorkerGzipBytes: number; dataGzipBytes: number; dataFiles: number
}
export function checkDist(dist?: string): { name: string; ok: boolean; detail: string }[]
