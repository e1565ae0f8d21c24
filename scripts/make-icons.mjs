// Draws the app icons (a white map pin with a small house, on the theme teal) into public/: PNGs for the web app
// manifest, the Apple touch icon and favicon.ico. Pure Node, no image library. Run: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const TEAL = [15, 118, 110]
const WHITE = [255, 255, 255]

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4)
  header[8] = 8; header[9] = 6 // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ])
}

const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
  const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx)
  const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx)
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)
}
const inRoundedSquare = (x, y, radius) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0)
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0)
  return dx * dx + dy * dy <= radius * radius
}

/** Colour at unit coordinates (x, y) of the design scaled by `scale` around the center; null = transparent. */
function designColor(x, y, { scale, corner }) {
  if (corner !== null && !inRoundedSquare(x, y, corner)) return null
  const u = 0.5 + (x - 0.5) / scale
  const v = 0.5 + (y - 0.5) / scale
  const center = [0.5, 0.42], radius = 0.24, apex = [0.5, 0.86]
  // The pin: a circle and the triangle of its tangents from the apex.
  const angle = Math.acos(radius / (apex[1] - center[1]))
  const left = [center[0] - radius * Math.sin(angle), center[1] + radius * Math.cos(angle)]
  const right = [center[0] + radius * Math.sin(angle), center[1] + radius * Math.cos(angle)]
  const inPin = (u - center[0]) ** 2 + (v - center[1]) ** 2 <= radius ** 2 || inTriangle(u, v, apex, left, right)
  if (!inPin) return TEAL
  // A small house inside the pin head: roof triangle and body.
  const inRoof = inTriangle(u, v, [0.5, 0.29], [0.37, 0.42], [0.63, 0.42])
  const inBody = u >= 0.4 && u <= 0.6 && v >= 0.41 && v <= 0.53
  const inDoor = u >= 0.475 && u <= 0.525 && v >= 0.46 && v <= 0.53
  return (inRoof || inBody) && !inDoor ? TEAL : WHITE
}

function render(size, options) {
  const rgba = Buffer.alloc(size * size * 4)
  const samples = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = designColor((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, options)
          if (!color) continue
          r += color[0]; g += color[1]; b += color[2]; a++
        }
      }
      const offset = (py * size + px) * 4
      if (a) { rgba[offset] = r / a; rgba[offset + 1] = g / a; rgba[offset + 2] = b / a }
      rgba[offset + 3] = Math.round((a / samples ** 2) * 255)
    }
  }
  return encodePng(size, rgba)
}

function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(1, 2); header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, index) => {
    const entry = 6 + index * 16
    header[entry] = size; header[entry + 1] = size
    header.writeUInt16LE(1, entry + 4); header.writeUInt16LE(32, entry + 6)
    header.writeUInt32LE(png.length, entry + 8); header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((image) => image.png)])
}

const outDir = new URL('../public/', import.meta.url)
mkdirSync(new URL('icons/', outDir), { recursive: true })
const any = { scale: 1, corner: 0.22 }
const fullBleed = { scale: 1, corner: null }
const maskable = { scale: 0.72, corner: null } // content inside the 80 % safe zone
for (const size of [192, 512]) {
  writeFileSync(new URL(`icons/icon-${size}.png`, outDir), render(size, any))
  writeFileSync(new URL(`icons/maskable-${size}.png`, outDir), render(size, maskable))
}
writeFileSync(new URL('icons/apple-touch-icon-180.png', outDir), render(180, fullBleed))
writeFileSync(new URL('favicon.ico', outDir), encodeIco([16, 32].map((size) => ({ size, png: render(size, any) }))))
console.log('icons written to public/icons and public/favicon.ico')
