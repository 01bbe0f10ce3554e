/**
 * Draws the Teams app icons into manifest/teams/: `color.png` (192×192, the
 * accent colour with a white ring and check mark) and `outline.png` (32×32, the
 * same shapes in white on transparent, as Teams requires). Run it after changing
 * the drawing: `node --import tsx scripts/make-teams-icons.ts`. The PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './teams-png.ts';

type Point = [number, number];

interface Shapes {
  size: number;
  ring: { radius: number; width: number };
  check: { points: Point[]; width: number };
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inside(shapes: Shapes, point: Point): boolean {
  const center = shapes.size / 2;
  if (Math.abs(Math.hypot(point[0] - center, point[1] - center) - shapes.ring.radius) <= shapes.ring.width / 2) return true;
  const { points, width } = shapes.check;
  for (let index = 1; index < points.length; index += 1) {
    if (distanceToSegment(point, points[index - 1]!, points[index]!) <= width / 2) return true;
  }
  return false;
}

/** Share of each pixel the shapes cover, from 4×4 samples. */
function coverage(shapes: Shapes): Float64Array {
  const cover = new Float64Array(shapes.size * shapes.size);
  for (let y = 0; y < shapes.size; y += 1) {
    for (let x = 0; x < shapes.size; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) if (inside(shapes, [x + (sx + 0.5) / 4, y + (sy + 0.5) / 4])) hits += 1;
      cover[y * shapes.size + x] = hits / 16;
    }
  }
  return cover;
}

export const ACCENT: [number, number, number] = [0x2f, 0x6f, 0x8f];

export function colorIcon(): Buffer {
  const shapes: Shapes = { size: 192, ring: { radius: 64, width: 14 }, check: { points: [[64, 98], [86, 120], [130, 74]], width: 16 } };
  const cover = coverage(shapes);
  const rgba = new Uint8Array(192 * 192 * 4);
  cover.forEach((share, index) => {
    for (let channel = 0; channel < 3; channel += 1) rgba[index * 4 + channel] = Math.round(ACCENT[channel]! * (1 - share) + 255 * share);
    rgba[index * 4 + 3] = 255;
  });
  return encodePng(192, 192, rgba);
}

export function outlineIcon(): Buffer {
  const shapes: Shapes = { size: 32, ring: { radius: 13, width: 2.5 }, check: { points: [[10.5, 16.5], [14.5, 20.5], [22, 12.5]], width: 2.75 } };
  const cover = coverage(shapes);
  const rgba = new Uint8Array(32 * 32 * 4);
  cover.forEach((share, index) => {
    rgba.fill(255, index * 4, index * 4 + 3);
    rgba[index * 4 + 3] = Math.round(255 * share);
  });
  return encodePng(32, 32, rgba);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = new URL('../manifest/teams/', import.meta.url);
  writeFileSync(new URL('color.png', folder), colorIcon());
  writeFileSync(new URL('outline.png', folder), outlineIcon());
  console.log('wrote manifest/teams/color.png (192×192) and manifest/teams/outline.png (32×32)');
}
