/**
 * Draws the tab-bar icons (81×81 PNG, grey and party red) from signed-distance shapes, so the
 * icons are reproducible and tiny. Run: `npx tsx scripts/make-tab-icons.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 81;
type Shape = (x: number, y: number) => number; // signed distance in px, < 0 inside

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;
const box =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) => {
    const dx = Math.max(x0 - x, x - x1);
    const dy = Math.max(y0 - y, y - y1);
    return dx > 0 && dy > 0 ? Math.hypot(dx, dy) : Math.max(dx, dy);
  };
const ring =
  (shape: Shape, width: number): Shape =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const subtract =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y));
const polygon =
  (points: Array<[number, number]>): Shape =>
  (x, y) => {
    let inside = false;
    let best = Infinity;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      const ex = xj - xi;
      const ey = yj - yi;
      const t = Math.max(0, Math.min(1, ((x - xi) * ex + (y - yi) * ey) / (ex * ex + ey * ey)));
      best = Math.min(best, Math.hypot(x - xi - t * ex, y - yi - t * ey));
    }
    return inside ? -best : best;
  };

const star = (cx: number, cy: number, outer: number, inner: number): Shape => {
  const points: Array<[number, number]> = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return polygon(points);
};

const ICONS: Record<string, Shape> = {
  home: union(
    ring(
      polygon([
        [40.5, 10],
        [72, 38],
        [64, 38],
        [64, 70],
        [17, 70],
        [17, 38],
        [9, 38],
      ]),
      6,
    ),
    box(34, 48, 47, 70),
  ),
  activity: union(
    ring(box(12, 18, 69, 69), 6),
    box(12, 18, 69, 32),
    box(24, 9, 30, 24),
    box(51, 9, 57, 24),
    box(24, 42, 33, 50),
    box(39, 42, 48, 50),
    box(24, 55, 33, 62),
  ),
  points: union(ring(circle(40.5, 40.5, 29), 6), star(40.5, 42, 17, 7)),
  me: union(circle(40.5, 27, 14), subtract(circle(40.5, 80, 33), box(0, 78, 81, 81))),
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer: Buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

const png = (shape: Shape, [r, g, b]: [number, number, number]) => {
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      const alpha = Math.max(0, Math.min(1, 0.5 - shape(x + 0.5, y + 0.5)));
      row.set([r, g, b, Math.round(alpha * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const out = path.resolve(__dirname, '../miniprogram/src/assets/tabbar');
fs.mkdirSync(out, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  fs.writeFileSync(path.join(out, `${name}.png`), png(shape, [138, 138, 138]));
  fs.writeFileSync(path.join(out, `${name}-active.png`), png(shape, [200, 22, 29]));
}
console.log(`tab icons written to ${out}`);
