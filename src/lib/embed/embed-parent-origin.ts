export interface ParentOriginInput {
  /** `location.ancestorOrigins` as an array (Chromium, WebKit); undefined where the browser lacks it. */
  ancestorOrigins?: readonly string[]
  /** `document.referrer`: the parent page's URL when the app was loaded in its frame (may be empty). */
  referrer: string
  /** Allowlisted host origins, from parseEmbedOrigins. */
  allowedOrigins: readonly string[]
}

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

/**
 * The origin of the framing page, if it is allowlisted; null otherwise. `ancestorOrigins[0]` (the direct
 * parent, reported by the browser) wins when present; the referrer is the fallback. Never returns '*'.
 *
 * @example
 * resolveParentOrigin({ ancestorOrigins: ['https://gov.example.cn'], referrer: '', allowedOrigins: ['https://gov.example.cn'] })
 * // 'https://gov.example.cn'
 */
export function resolveParentOrigin(input: ParentOriginInput): string | null {
  const candidate = input.ancestorOrigins && input.ancestorOrigins.length > 0
    ? originOf(input.ancestorOrigins[0])
    : originOf(input.referrer)
  return candidate !== null && input.allowedOrigins.includes(candidate) ? candidate : null
}
