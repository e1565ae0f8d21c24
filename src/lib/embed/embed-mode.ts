/** The 苏周到 (Suzhou government app) client puts this marker in its webview user agent. */
export const SUZHOUDAO_USER_AGENT_MARKER = 'szd_SZGov'

/**
 * Whether the app runs embedded: `embed=1` (or `embed=true`) in the query, or the 苏周到 webview user agent.
 * `embed=0` turns it off even in the webview, for support staff comparing both layouts.
 *
 * @example
 * detectEmbedMode('?embed=1', 'Mozilla/5.0') // true
 * detectEmbedMode('', 'Mozilla/5.0 (iPhone) szd_SZGov/3.2') // true
 */
export function detectEmbedMode(search: string, userAgent: string): boolean {
  const flag = new URLSearchParams(search).get('embed')
  if (flag === '1' || flag === 'true') return true
  if (flag === '0' || flag === 'false') return false
  return userAgent.includes(SUZHOUDAO_USER_AGENT_MARKER)
}
