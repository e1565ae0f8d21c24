/** MapLibre 6 draws with WebGL2 only: ask for a context on a throwaway canvas before building the map. */
export function hasWebgl2(): boolean {
  try {
    const canvas = document.createElement('canvas')
    const gl = canvas.getContext('webgl2')
    if (!gl) return false
    gl.getExtension('WEBGL_lose_context')?.loseContext()
    return true
  } catch {
    return false
  }
}
