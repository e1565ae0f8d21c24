import { RegistryInputError } from './registry-input-error'

export type RegistryEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030'

export interface DecodedRegistry {
  text: string
  encoding: RegistryEncoding
}

/**
 * Decodes the bytes of a registry CSV. UTF-8 (with or without BOM) is tried first and strictly; bytes that are
 * not valid UTF-8 are read as GB18030, the superset of GBK that Excel in China writes. Text that still holds
 * replacement or NUL characters (e.g. a binary file) throws a {@link RegistryInputError}.
 *
 * @example
 * decodeRegistryBytes(new Uint8Array([0xd5, 0xc5])) // { text: '张', encoding: 'gb18030' }
 */
export function decodeRegistryBytes(bytes: Uint8Array): DecodedRegistry {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checked({ text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' })
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes)
    return checked({ text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' })
  } catch {
    // The platform's own decoder (Node's full ICU, every browser): the same code runs in the app's import worker.
    return checked({ text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' })
  }
}

function checked(decoded: DecodedRegistry): DecodedRegistry {
  const bad = decoded.text.search(/[\uFFFD\u0000]/)
  if (bad >= 0) {
    throw new RegistryInputError(`undecodable bytes (neither UTF-8 nor GBK) near character ${bad}`, 'undecodable', { at: bad })
  }
  return decoded
}
