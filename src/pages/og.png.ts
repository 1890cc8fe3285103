/**
 * The link-preview image (Open Graph, Twitter): real MNIST test digits on a grid, drawn at build
 * time like every other figure of the site. 1200 x 630 pixels.
 */
import type { APIRoute } from 'astro';
import { readMnistImage } from '../build/mnist-files.ts';
import { encodeRgbPng } from '../build/png.ts';

const [WIDTH, HEIGHT, CELL, SCALE] = [1200, 630, 150, 5];
const ACCENT: [number, number, number] = [11, 87, 208];

export const GET: APIRoute = () => {
  const pixels = new Uint8Array(WIDTH * HEIGHT * 3).fill(255);
  const columns = WIDTH / CELL;
  const rows = Math.floor(HEIGHT / CELL);
  for (let index = 0; index < columns * rows; index++) {
    const digit = readMnistImage('test', index);
    const left = (index % columns) * CELL + (CELL - 28 * SCALE) / 2;
    const top = Math.floor(index / columns) * CELL + (CELL - 28 * SCALE) / 2 + 15;
    for (let y = 0; y < 28 * SCALE; y++) {
      for (let x = 0; x < 28 * SCALE; x++) {
        const ink = (digit.pixels[Math.floor(y / SCALE) * 28 + Math.floor(x / SCALE)] ?? 0) / 255;
        const offset = ((top + y) * WIDTH + left + x) * 3;
        for (let channel = 0; channel < 3; channel++) pixels[offset + channel] = Math.round(255 - ink * (255 - (ACCENT[channel] ?? 0)));
      }
    }
  }
  return new Response(Buffer.from(encodeRgbPng(pixels, WIDTH, HEIGHT)), { headers: { 'content-type': 'image/png' } });
};
