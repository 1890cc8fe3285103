/**
 * Parsing and validation of IDX headers, the format MNIST is distributed in
 * (http://yann.lecun.com/exdb/mnist/): a big-endian uint32 magic number whose
 * low byte is the number of dimensions, then one big-endian uint32 per
 * dimension, then the items as unsigned bytes.
 */
import { MnistError } from './errors.ts';

export type IdxKind = 'images' | 'labels';

/** 0x00000803: unsigned bytes, 3 dimensions (count, rows, cols). */
export const IDX_IMAGES_MAGIC = 2051;
/** 0x00000801: unsigned bytes, 1 dimension (count). */
export const IDX_LABELS_MAGIC = 2049;

export const IDX_IMAGES_HEADER_BYTES = 16;
export const IDX_LABELS_HEADER_BYTES = 8;

export type IdxHeader =
  | { readonly kind: 'images'; readonly count: number; readonly rows: number; readonly cols: number }
  | { readonly kind: 'labels'; readonly count: number };

const MAGIC_BY_KIND: Readonly<Record<IdxKind, number>> = {
  images: IDX_IMAGES_MAGIC,
  labels: IDX_LABELS_MAGIC,
};

export function idxHeaderBytes(header: IdxHeader): number {
  return header.kind === 'images' ? IDX_IMAGES_HEADER_BYTES : IDX_LABELS_HEADER_BYTES;
}

/** Bytes per item: rows × cols for an image, 1 for a label. */
export function idxItemBytes(header: IdxHeader): number {
  return header.kind === 'images' ? header.rows * header.cols : 1;
}

/** Header plus body: the exact length a well-formed file has. */
export function idxFileBytes(header: IdxHeader): number {
  return idxHeaderBytes(header) + header.count * idxItemBytes(header);
}

/**
 * Reads the header at the start of `bytes` (which may be only the header).
 * Throws an MnistError naming `file` when the magic number is not the one
 * for `expectedKind` or a dimension is zero.
 */
export function parseIdxHeader(bytes: Uint8Array, file: string, expectedKind: IdxKind): IdxHeader {
  const expectedMagic = MAGIC_BY_KIND[expectedKind];
  if (bytes.length < 4) {
    throw new MnistError(file, `only ${bytes.length} bytes, too short for an IDX header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== expectedMagic) {
    throw new MnistError(file, `expected magic ${expectedMagic} (${expectedKind}), got ${describeMagic(magic)}`);
  }
  const headerBytes = expectedKind === 'images' ? IDX_IMAGES_HEADER_BYTES : IDX_LABELS_HEADER_BYTES;
  if (bytes.length < headerBytes) {
    throw new MnistError(file, `only ${bytes.length} bytes, too short for an IDX ${expectedKind} header (${headerBytes} bytes)`);
  }
  const count = view.getUint32(4);
  if (count === 0) {
    throw new MnistError(file, 'IDX header says the file holds 0 items');
  }
  if (expectedKind === 'labels') {
    return { kind: 'labels', count };
  }
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  if (rows === 0 || cols === 0) {
    throw new MnistError(file, `IDX header gives an empty image size ${rows}×${cols}`);
  }
  return { kind: 'images', count, rows, cols };
}

/**
 * Parses the header and checks that the file is exactly as long as the
 * header says: a truncated download or a file with trailing garbage fails
 * here rather than as wrong pixels later.
 */
export function validateIdxFile(bytes: Uint8Array, file: string, expectedKind: IdxKind): IdxHeader {
  const header = parseIdxHeader(bytes, file, expectedKind);
  const expectedBytes = idxFileBytes(header);
  if (bytes.length < expectedBytes) {
    throw new MnistError(file, `truncated: the IDX header promises ${expectedBytes} bytes, got ${bytes.length}`);
  }
  if (bytes.length > expectedBytes) {
    throw new MnistError(file, `${bytes.length - expectedBytes} unexpected bytes after the ${expectedBytes} the IDX header promises`);
  }
  return header;
}

/** Writes the header of an IDX file: the inverse of parseIdxHeader. */
export function encodeIdxHeader(header: IdxHeader): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(idxHeaderBytes(header));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC_BY_KIND[header.kind]);
  view.setUint32(4, header.count);
  if (header.kind === 'images') {
    view.setUint32(8, header.rows);
    view.setUint32(12, header.cols);
  }
  return bytes;
}

function describeMagic(magic: number): string {
  if (magic === IDX_IMAGES_MAGIC) return `${magic} (images)`;
  if (magic === IDX_LABELS_MAGIC) return `${magic} (labels)`;
  // Gzipped IDX files (the form LeCun's site serves) start with 1f 8b.
  if (magic >>> 16 === 0x1f8b) return `0x${hex32(magic)} (a gzip file; decompress it first)`;
  return `0x${hex32(magic)}`;
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}
