/**
 * Reads the build-time allowlist of host origins (`VITE_EMBED_ORIGINS`, comma-separated). Only bare http(s)
 * origins are kept: wildcards, `null`, paths, queries and credentials are dropped, so a typo never widens it.
 * Empty or missing input gives an empty list, meaning no host may talk to the app.
 *
 * @example
 * parseEmbedOrigins(' https://szd.example.cn, *, https://gov.example.cn/page, http://127.0.0.1:5180/')
 * // ['https://szd.example.cn', 'http://127.0.0.1:5180']
 */
export function parseEmbedOrigins(list: string | undefined | null): string[] {
  const origins: string[] = []
  for (const part of (list ?? '').split(',')) {
    const text = part.trim().replace(/\/$/, '')
    if (text === '' || text.includes('*')) continue
    let url: URL
    try {
      url = new URL(text)
    } catch {
      continue
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue
    // A URL whose origin differs from the text had a path, query, fragment or user info: not an origin.
    if (url.origin !== text) continue
    if (!origins.includes(url.origin)) origins.push(url.origin)
  }
  return origins
}
