/** A user location handed over by the host app (WGS84). */
export interface HostLocation {
  lng: number
  lat: number
}

function coordinate(text: string | null, limit: number): number | undefined {
  if (text === null || !/^-?\d{1,3}(\.\d{1,12})?$/.test(text.trim())) return undefined
  const value = Number(text)
  return Math.abs(value) <= limit ? value : undefined
}

/**
 * The host-provided user location from the `lng`/`lat` query parameters (WGS84), or null when either is
 * missing or not a plain decimal in range. Unlike the map-view deep link it needs no `z`.
 *
 * @example
 * parseHostLocation('?embed=1&lng=120.553&lat=31.875') // { lng: 120.553, lat: 31.875 }
 * parseHostLocation('?lng=120.5&lat=abc') // null
 */
export function parseHostLocation(search: string): HostLocation | null {
  const params = new URLSearchParams(search)
  const lng = coordinate(params.get('lng'), 180)
  const lat = coordinate(params.get('lat'), 85)
  return lng === undefined || lat === undefined ? null : { lng, lat }
}
