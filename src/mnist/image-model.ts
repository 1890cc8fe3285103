/**
 * The image model of the .mnc format (see codec.ts for the container).
 *
 * Per image:
 *   1. the bounding box of the non-zero pixels (top, height, left, width);
 *      MNIST digits fill about 40% of the 28×28 frame, and the zeros
 *      around them then cost neither bits nor decoding time;
 *   2. inside the box, each pixel's "bucket": 0, one of eleven ranges of
 *      23 grey levels, or one of the saturated values 252..255 that make up
 *      the core of most strokes; coded given the buckets of the W, N, NE and
 *      NW neighbours;
 *   3. for a range bucket, the offset within the range, given the bucket
 *      and the brighter of W and N.
 *
 * Any change here changes the format: give codec.ts a new ASSET_TAG.
 */
import type { ByteWriter } from './bytes.ts';
import { CorruptDataError } from './errors.ts';
import { DecodingTables, RansEncoder, readTables, SymbolCounter, writeTables, type CodedStream, type SymbolTables } from './rans.ts';

/** First grey level of each bucket (and 256 as the end of the last). */
const BUCKET_STARTS = [0, 1, 24, 47, 70, 93, 116, 139, 162, 185, 208, 231, 252, 253, 254, 255, 256] as const;
const BUCKET_COUNT = BUCKET_STARTS.length - 1;
/** Buckets 1..11 span several grey levels and are followed by an offset. */
const FIRST_SATURATED_BUCKET = 12;
const OFFSET_ALPHABET = 23;
const BUCKET_OF = bucketTable(BUCKET_STARTS.slice(1, -1));
const BUCKET_START = Uint16Array.from(BUCKET_STARTS);
/** Coarser buckets for the diagonal neighbours: 0 | 1..127 | 128..251 | 252..255. */
const COARSE_BUCKET_OF = bucketTable([1, 128, 252]);

/** Maps a grey level to the number of thresholds it reaches. */
function bucketTable(thresholds: readonly number[]): Uint8Array {
  const table = new Uint8Array(256);
  for (let value = 0; value < 256; value++) {
    table[value] = thresholds.filter((threshold) => value >= threshold).length;
  }
  return table;
}

const BUCKET_CONTEXTS = BUCKET_COUNT * BUCKET_COUNT * 4 * 4;
const OFFSET_CONTEXTS = (FIRST_SATURATED_BUCKET - 1) * BUCKET_COUNT;

function bucketContext(w: number, n: number, ne: number, nw: number): number {
  return (BUCKET_OF[w] ?? 0) | ((BUCKET_OF[n] ?? 0) << 4) | ((COARSE_BUCKET_OF[ne] ?? 0) << 8) | ((COARSE_BUCKET_OF[nw] ?? 0) << 10);
}

function offsetContext(bucket: number, w: number, n: number): number {
  return (bucket - 1) * BUCKET_COUNT + (BUCKET_OF[w > n ? w : n] ?? 0);
}

/** The six kinds of symbols an image is made of, in the order their tables are stored. */
const TOP = 0;
const HEIGHT = 1;
const LEFT = 2;
const WIDTH = 3;
const BUCKET = 4;
const OFFSET = 5;
type ImagePart = typeof TOP | typeof HEIGHT | typeof LEFT | typeof WIDTH | typeof BUCKET | typeof OFFSET;

function imagePartShapes(rows: number, cols: number): ReadonlyArray<readonly [contexts: number, alphabetSize: number]> {
  return [
    [1, rows + 1], // top; `rows` marks an image with no ink at all
    [1, rows], // height - 1
    [1, cols], // left
    [1, cols], // width - 1
    [BUCKET_CONTEXTS, BUCKET_COUNT],
    [OFFSET_CONTEXTS, OFFSET_ALPHABET],
  ];
}

/**
 * Calls `visit` for every symbol of one image, in decoding order. The
 * encoder uses it twice (to count, then to code); decodeImages mirrors it.
 */
function visitImage(
  pixels: Uint8Array,
  start: number,
  rows: number,
  cols: number,
  visit: (part: ImagePart, context: number, symbol: number) => void,
): void {
  let top = rows;
  let bottom = -1;
  let left = cols;
  let right = -1;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if ((pixels[start + y * cols + x] ?? 0) === 0) continue;
      if (top === rows) top = y;
      bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  visit(TOP, 0, top);
  if (top === rows) return;
  visit(HEIGHT, 0, bottom - top);
  visit(LEFT, 0, left);
  visit(WIDTH, 0, right - left);
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const at = start + y * cols + x;
      const w = x > 0 ? (pixels[at - 1] ?? 0) : 0;
      const n = y > 0 ? (pixels[at - cols] ?? 0) : 0;
      const ne = y > 0 && x + 1 < cols ? (pixels[at - cols + 1] ?? 0) : 0;
      const nw = y > 0 && x > 0 ? (pixels[at - cols - 1] ?? 0) : 0;
      const value = pixels[at] ?? 0;
      const bucket = BUCKET_OF[value] ?? 0;
      visit(BUCKET, bucketContext(w, n, ne, nw), bucket);
      if (bucket > 0 && bucket < FIRST_SATURATED_BUCKET) {
        visit(OFFSET, offsetContext(bucket, w, n), value - (BUCKET_START[bucket] ?? 0));
      }
    }
  }
}

export function encodeImages(
  writer: ByteWriter,
  pixels: Uint8Array,
  start: number,
  count: number,
  rows: number,
  cols: number,
): Uint8Array<ArrayBuffer> {
  const counters = imagePartShapes(rows, cols).map(([contexts, alphabetSize]) => new SymbolCounter(contexts, alphabetSize));
  const imageBytes = rows * cols;
  for (let image = 0; image < count; image++) {
    visitImage(pixels, start + image * imageBytes, rows, cols, (part, context, symbol) => counters[part]?.add(context, symbol));
  }
  const tables = counters.map((counter) => counter.toTables());
  for (const table of tables) writeTables(writer, table);

  // rANS decodes in reverse: code the last image first, each one back to front.
  const encoder = new RansEncoder();
  const maxSymbols = 4 + 2 * imageBytes;
  const parts = new Uint8Array(maxSymbols);
  const contexts = new Int32Array(maxSymbols);
  const symbols = new Uint8Array(maxSymbols);
  for (let image = count - 1; image >= 0; image--) {
    let length = 0;
    visitImage(pixels, start + image * imageBytes, rows, cols, (part, context, symbol) => {
      parts[length] = part;
      contexts[length] = context;
      symbols[length] = symbol;
      length++;
    });
    for (let i = length - 1; i >= 0; i--) {
      encoder.encode(tableFor(tables, parts[i] ?? 0), contexts[i] ?? 0, symbols[i] ?? 0);
    }
  }
  return encoder.finish();
}

function tableFor(tables: readonly SymbolTables[], part: number): SymbolTables {
  const table = tables[part];
  if (table === undefined) throw new Error(`no table for image part ${part}`);
  return table;
}

export function decodeImages(stream: CodedStream, pixels: Uint8Array, start: number, count: number, rows: number, cols: number): void {
  const tables = imagePartShapes(rows, cols).map(
    ([contexts, alphabetSize]) => new DecodingTables(readTables(stream.tables, contexts, alphabetSize)),
  );
  const [topTable, heightTable, leftTable, widthTable, bucketTable, offsetTable] = tables;
  if (!topTable || !heightTable || !leftTable || !widthTable || !bucketTable || !offsetTable) {
    throw new Error('image model tables missing');
  }
  const decoder = stream.startDecoder();
  const imageBytes = rows * cols;
  for (let image = 0; image < count; image++) {
    const imageStart = start + image * imageBytes;
    const top = decoder.decode(topTable, 0);
    if (top === rows) continue; // no ink: the pixels stay 0
    const bottom = top + decoder.decode(heightTable, 0);
    const left = decoder.decode(leftTable, 0);
    const right = left + decoder.decode(widthTable, 0);
    if (bottom >= rows || right >= cols) throw new CorruptDataError(`image ${image} has a bounding box outside the image`);
    // Same traversal and contexts as visitImage, inlined for speed.
    for (let y = top; y <= bottom; y++) {
      for (let x = left; x <= right; x++) {
        const at = imageStart + y * cols + x;
        const w = x > 0 ? (pixels[at - 1] ?? 0) : 0;
        const n = y > 0 ? (pixels[at - cols] ?? 0) : 0;
        const ne = y > 0 && x + 1 < cols ? (pixels[at - cols + 1] ?? 0) : 0;
        const nw = y > 0 && x > 0 ? (pixels[at - cols - 1] ?? 0) : 0;
        const bucket = decoder.decode(bucketTable, bucketContext(w, n, ne, nw));
        let value = BUCKET_START[bucket] ?? 0;
        if (bucket > 0 && bucket < FIRST_SATURATED_BUCKET) value += decoder.decode(offsetTable, offsetContext(bucket, w, n));
        pixels[at] = value;
      }
    }
  }
  decoder.assertFinished();
}
