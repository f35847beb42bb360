#!/usr/bin/env node
// Draws resources/icon.png (512×512): three people and the two ties between
// them, on a soft rounded square. Pure Node (zlib for the PNG), so it needs no
// image tools: every pixel's coverage comes from signed distances to the
// shapes, which gives smooth edges without supersampling.
//   node scripts/make-icon.mjs [out.png]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = process.argv[2] ?? path.join(root, 'resources', 'icon.png');
const SIZE = 512;

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

// Shapes as signed distance functions (negative inside).
function roundedSquare(x, y, inset, radius) {
  const half = SIZE / 2 - inset;
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}
const circle = (x, y, c, r) => Math.hypot(x - c.x, y - c.y) - r;
function segment(x, y, a, b, halfWidth) {
  const [px, py, bx, by] = [x - a.x, y - a.y, b.x - a.x, b.y - a.y];
  const t = Math.min(1, Math.max(0, (px * bx + py * by) / (bx * bx + by * by)));
  return Math.hypot(px - bx * t, py - by * t) - halfWidth;
}

const colors = {
  top: hex('#f4f3ff'),
  bottom: hex('#dcdcf7'),
  tie: hex('#8b88d6'),
  you: hex('#4f46e5'),
  friend: hex('#6d66ea'),
  target: hex('#e9a23b'),
  ring: hex('#ffffff'),
};
// You (left, largest), a friend (top), and someone you can reach through them (right).
const you = { x: 160, y: 330, r: 62 };
const friend = { x: 262, y: 168, r: 50 };
const target = { x: 366, y: 322, r: 54 };

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // PNG filter: none
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    // Background: a vertical gradient inside a rounded square (macOS-style margins).
    let color = mix(colors.top, colors.bottom, py / SIZE);
    const alpha = coverage(roundedSquare(px, py, 24, 104));
    const paint = (c, cov) => {
      color = mix(color, c, cov);
    };
    paint(colors.tie, coverage(segment(px, py, you, friend, 9)));
    paint(colors.tie, coverage(segment(px, py, friend, target, 9)));
    for (const [node, fill] of [
      [you, colors.you],
      [friend, colors.friend],
      [target, colors.target],
    ]) {
      paint(colors.ring, coverage(circle(px, py, node, node.r + 10)));
      paint(fill, coverage(circle(px, py, node, node.r)));
    }
    const i = row + 1 + x * 4;
    pixels[i] = Math.round(color[0] * 255);
    pixels[i + 1] = Math.round(color[1] * 255);
    pixels[i + 2] = Math.round(color[2] * 255);
    pixels[i + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`icon: wrote ${path.relative(process.cwd(), out)} (${SIZE}×${SIZE}, ${png.length} bytes)`);
