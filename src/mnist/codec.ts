/**
 * Lossless codec for MNIST IDX files: the ".mnc" asset format.
 *
 * Why a custom codec instead of gzip: deflate sees handwritten digits as a
 * byte stream. Transposing, row/column deltas or PNG filters before it made
 * it worse; the best transform measured (zero mask and grey levels split
 * into two streams) still needed 10.2 MB (README.md in this folder lists the
 * measurements). Pixels are far more predictable from their already decoded
 * neighbours, so this codec models each pixel given the pixels to its left
 * and above and codes it with rANS (rans.ts): 7.8 MB for all 70,000 images
 * and labels against 11.4 MB for gzip -9, decoded in about 0.65 s in Node.
 *
 * The models are in image-model.ts and label-model.ts.
 *
 * Asset layout (all integers big-endian):
 *   4 bytes   "MNC1"
 *   8 or 16   the original IDX header, verbatim
 *   4         length T of the frequency tables
 *   T         frequency tables (rans.ts writeTables), in model order
 *   rest      the rANS stream
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import { CorruptDataError, MnistError } from './errors.ts';
import { encodeIdxHeader, idxFileBytes, idxHeaderBytes, parseIdxHeader, validateIdxFile, type IdxHeader, type IdxKind } from './idx.ts';
import { decodeImages, encodeImages } from './image-model.ts';
import { decodeLabels, encodeLabels } from './label-model.ts';
import { RansDecoder, type CodedStream } from './rans.ts';

/** "MNC1": MNist Codec, version 1. Any change to a model needs a new tag and a new ASSET_CODEC. */
export const ASSET_TAG = Uint8Array.of(0x4d, 0x4e, 0x43, 0x31);
/** The codec name recorded in manifest.json. */
export const ASSET_CODEC = 'mnc1';

// ---------------------------------------------------------------------------
// Public API

/** Compresses a complete IDX file into an .mnc asset. */
export function encodeMnistAsset(idx: Uint8Array, file: string, kind: IdxKind): Uint8Array<ArrayBuffer> {
  const header = validateIdxFile(idx, file, kind);
  const bodyStart = idxHeaderBytes(header);
  if (header.kind === 'images' && (header.rows > 255 || header.cols > 255)) {
    throw new MnistError(file, `images of ${header.rows}×${header.cols} are larger than the codec supports (255×255)`);
  }
  const tableWriter = new ByteWriter();
  const stream =
    header.kind === 'images'
      ? encodeImages(tableWriter, idx, bodyStart, header.count, header.rows, header.cols)
      : encodeLabels(tableWriter, idx, bodyStart, header.count);
  const tableBytes = tableWriter.toBytes();

  const asset = new ByteWriter();
  asset.writeBytes(ASSET_TAG);
  asset.writeBytes(idx.subarray(0, bodyStart));
  asset.writeUint32(tableBytes.length);
  asset.writeBytes(tableBytes);
  asset.writeBytes(stream);
  return asset.toBytes();
}

/** Reads the IDX header stored in an .mnc asset without decoding the body. */
export function readMnistAssetHeader(asset: Uint8Array, file: string, kind: IdxKind): IdxHeader {
  for (let i = 0; i < ASSET_TAG.length; i++) {
    if (asset[i] !== ASSET_TAG[i]) {
      throw new MnistError(file, `not an MNC1 asset (it starts with ${describeStart(asset)}); is the URL right?`);
    }
  }
  return parseIdxHeader(asset.subarray(ASSET_TAG.length), file, kind);
}

/** Decompresses an .mnc asset back into the exact bytes of the original IDX file. */
export function decodeMnistAsset(asset: Uint8Array, file: string, kind: IdxKind): Uint8Array<ArrayBuffer> {
  const header = readMnistAssetHeader(asset, file, kind);
  if (header.kind === 'images' && (header.rows > 255 || header.cols > 255)) {
    throw new MnistError(file, `images of ${header.rows}×${header.cols} are larger than the codec supports (255×255)`);
  }
  const bodyStart = idxHeaderBytes(header);
  const idx = new Uint8Array(idxFileBytes(header));
  idx.set(encodeIdxHeader(header), 0);
  try {
    const stream = new StreamLayout(asset, ASSET_TAG.length + bodyStart);
    if (header.kind === 'images') {
      decodeImages(stream, idx, bodyStart, header.count, header.rows, header.cols);
    } else {
      decodeLabels(stream, idx, bodyStart, header.count);
    }
  } catch (error) {
    if (error instanceof CorruptDataError) throw new MnistError(file, `corrupt asset: ${error.message}`, { cause: error });
    throw error;
  }
  return idx;
}

/** The tables block and the rANS stream after it. */
class StreamLayout implements CodedStream {
  readonly tables: ByteReader;
  private readonly asset: Uint8Array;
  private readonly streamStart: number;

  constructor(asset: Uint8Array, tablesLengthAt: number) {
    const lengthReader = new ByteReader(asset, tablesLengthAt);
    const tablesLength = lengthReader.readUint32();
    this.asset = asset;
    this.streamStart = lengthReader.offset + tablesLength;
    if (this.streamStart > asset.length) throw new CorruptDataError('frequency tables extend past the end of the file');
    // Bounded to the declared length, so overlong tables fail as corrupt.
    this.tables = new ByteReader(asset.subarray(0, this.streamStart), lengthReader.offset);
  }

  /** Call once all tables are read: checks they filled their block exactly. */
  startDecoder(): RansDecoder {
    if (this.tables.offset !== this.streamStart) throw new CorruptDataError('frequency tables shorter than declared');
    return new RansDecoder(this.asset, this.streamStart);
  }
}

function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'nothing';
  // A static host's HTML error page served with status 200 is the usual culprit.
  if (bytes[0] === 0x3c) return `"${String.fromCharCode(...bytes.subarray(0, 4))}", which looks like HTML`;
  return Array.from(bytes.subarray(0, 4), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
