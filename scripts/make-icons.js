#!/usr/bin/env node
// Draws the ribbon and add-in icons (16/32/64/80 px PNG) from simple vector shapes:
// 4×4 supersampling for anti-aliasing, PNG written with zlib. Run: node scripts/make-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const OUT = path.join(__dirname, "..", "assets", "icons");

// Colours of the icons only (the UI itself uses theme tokens).
const C = {
  blue: [0, 120, 212, 255],
  blueDark: [0, 90, 158, 255],
  green: [16, 124, 65, 255],
  orange: [232, 118, 0, 255],
  red: [209, 52, 56, 255],
  grey: [150, 150, 150, 255],
  greyLight: [210, 210, 210, 255],
  white: [255, 255, 255, 255],
  paper: [250, 250, 250, 255],
  pink: [240, 150, 170, 255],
};

// Shapes in a 0..1 square: each has `hit(x, y)` and a colour.
const roundRect = (x, y, w, h, r, color) => ({
  color,
  hit: (px, py) => {
    if (px < x || py < y || px > x + w || py > y + h) return false;
    const cx = Math.min(Math.max(px, x + r), x + w - r);
    const cy = Math.min(Math.max(py, y + r), y + h - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  },
});
const rect = (x, y, w, h, color) => roundRect(x, y, w, h, 0, color);
const circle = (cx, cy, r, color) => ({ color, hit: (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= r * r });
const polygon = (pts, color) => ({
  color,
  hit: (px, py) => {
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i];
      const [xj, yj] = pts[j];
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  },
});
const line = (x1, y1, x2, y2, width, color) => ({
  color,
  hit: (px, py) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
    return (px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2 <= (width / 2) ** 2;
  },
});

// 打开面板 / add-in logo: progress bars, the last one behind.
const logo = [
  roundRect(0.04, 0.04, 0.92, 0.92, 0.16, C.blue),
  roundRect(0.18, 0.2, 0.64, 0.14, 0.05, C.white),
  roundRect(0.18, 0.43, 0.5, 0.14, 0.05, C.white),
  roundRect(0.18, 0.66, 0.28, 0.14, 0.05, C.orange),
];

// 标出滞后: rows of a sheet, one marked, and a flag.
const mark = [
  roundRect(0.06, 0.1, 0.7, 0.8, 0.06, C.greyLight),
  rect(0.12, 0.2, 0.58, 0.12, C.white),
  rect(0.12, 0.44, 0.58, 0.14, C.orange),
  rect(0.12, 0.7, 0.58, 0.12, C.white),
  line(0.8, 0.12, 0.8, 0.92, 0.08, C.blueDark),
  polygon([[0.82, 0.12], [0.98, 0.22], [0.82, 0.34]], C.red),
];

// 清除标记: rows and an eraser.
const clear = [
  roundRect(0.04, 0.08, 0.72, 0.8, 0.06, C.greyLight),
  rect(0.1, 0.18, 0.6, 0.12, C.white),
  rect(0.1, 0.42, 0.6, 0.12, C.white),
  rect(0.1, 0.66, 0.6, 0.12, C.white),
  polygon([[0.46, 0.7], [0.74, 0.42], [0.98, 0.66], [0.7, 0.94]], C.blue),
  polygon([[0.46, 0.7], [0.58, 0.58], [0.82, 0.82], [0.7, 0.94]], C.pink),
];

// 生成汇总表: a sheet with a bar chart.
const summary = [
  roundRect(0.08, 0.04, 0.84, 0.92, 0.08, C.paper),
  roundRect(0.08, 0.04, 0.84, 0.92, 0.08, C.grey),
  roundRect(0.13, 0.09, 0.74, 0.82, 0.05, C.paper),
  rect(0.2, 0.2, 0.6, 0.1, C.blue),
  rect(0.2, 0.6, 0.14, 0.24, C.green),
  rect(0.4, 0.42, 0.14, 0.42, C.green),
  rect(0.6, 0.68, 0.14, 0.16, C.orange),
];

const ICONS = { logo, mark, clear, summary };

function render(shapes, size) {
  const SS = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (x + (sx + 0.5) / SS) / size;
          const v = (y + (sy + 0.5) / SS) / size;
          let col = null;
          for (const s of shapes) if (s.hit(u, v)) col = s.color;
          if (col) {
            r += col[0] * col[3];
            g += col[1] * col[3];
            b += col[2] * col[3];
            a += col[3];
          }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round(a / (SS * SS));
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, shapes] of Object.entries(ICONS)) {
  for (const size of SIZES) {
    const file = path.join(OUT, `${name}-${size}.png`);
    fs.writeFileSync(file, png(render(shapes, size), size));
  }
}
console.log(`icons written to ${path.relative(process.cwd(), OUT)}: ${Object.keys(ICONS).join(", ")} × ${SIZES.join("/")} px`);
