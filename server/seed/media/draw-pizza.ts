/**
 * Draws pizza.png for the fractions lesson: a pizza cut in 4 equal slices,
 * one of them coloured, so pupils can name the fraction 1/4.
 * Run: npx tsx server/seed/media/draw-pizza.ts (rewrites pizza.png beside this file).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.ts';

type Rgb = [number, number, number];

const SIZE = 320;
const CENTRE = SIZE / 2;
const CRUST_OUTER = 140;
const CRUST_INNER = 122;
const CUT_HALF_WIDTH = 2.5;
// Supersampling smooths the edges without an anti-aliasing rasteriser.
const SAMPLES = 4;

const BACKGROUND: Rgb = [255, 255, 255];
const CRUST: Rgb = [196, 132, 62];
const CHEESE: Rgb = [250, 214, 110];
const SHADED: Rgb = [214, 64, 52];
const PEPPERONI: Rgb = [168, 44, 38];
const CUT: Rgb = [120, 72, 30];

// Topping positions as (angle in degrees, distance from the centre).
const TOPPINGS: [number, number][] = [
  [20, 60],
  [65, 85],
  [110, 55],
  [155, 90],
  [200, 60],
  [245, 85],
  [290, 55],
  [335, 90],
  [45, 30],
  [225, 30],
];

/** The colour of one point of the picture. */
function colourAt(x: number, y: number): Rgb {
  const dx = x - CENTRE;
  const dy = y - CENTRE;
  const r = Math.hypot(dx, dy);
  if (r > CRUST_OUTER) return BACKGROUND;
  if (r > CRUST_INNER) return CRUST;
  // Two straight cuts (vertical and horizontal) make four equal slices.
  if (Math.abs(dx) < CUT_HALF_WIDTH || Math.abs(dy) < CUT_HALF_WIDTH) return CUT;
  for (const [degrees, distance] of TOPPINGS) {
    const a = (degrees * Math.PI) / 180;
    if (Math.hypot(dx - distance * Math.cos(a), dy + distance * Math.sin(a)) < 11) return PEPPERONI;
  }
  // The top-right slice is the coloured quarter.
  return dx > 0 && dy < 0 ? SHADED : CHEESE;
}

/** Renders the pizza as RGB pixels. */
export function drawPizza(): Uint8Array {
  const pixels = new Uint8Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          for (let i = 0; i < 3; i++) sum[i]! += colour[i]!;
        }
      }
      for (let i = 0; i < 3; i++) pixels[(y * SIZE + x) * 3 + i] = Math.round(sum[i]! / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('./pizza.png', import.meta.url));
  writeFileSync(out, encodePng(SIZE, SIZE, drawPizza()));
  console.log(`wrote ${out}`);
}
