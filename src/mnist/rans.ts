/**
 * A small static rANS entropy coder (Jarek Duda's asymmetric numeral
 * systems, in the byte-oriented form of Fabian Giesen's rans_byte.h but with
 * 16-bit words).
 *
 * Why rANS with static tables rather than adaptive binary arithmetic coding:
 * both compress MNIST to about the same size, but a binary coder makes 8
 * dependent, unpredictable decisions per pixel value and needed 2-3 s to
 * decode the training set in JavaScript; rANS decodes a whole symbol with one
 * table lookup and one multiply, about 5× faster. The price is a two-pass
 * encoder (count, then code) and frequency tables stored in the asset.
 *
 * Symbols are coded under a "context": a table set holds one frequency
 * table per context, all over the same alphabet. Frequencies of each table
 * sum to 2^PRECISION_BITS.
 *
 * The state lives in [2^14, 2^30) so that every intermediate value is a
 * small integer for JavaScript engines (no heap numbers, no unsigned tricks).
 */
import type { ByteReader, ByteWriter } from './bytes.ts';
import { CorruptDataError } from './errors.ts';

const PRECISION_BITS = 10;
const PRECISION_TOTAL = 1 << PRECISION_BITS;
const SLOT_MASK = PRECISION_TOTAL - 1;
const STATE_LOWER_BOUND = 1 << 14;
const WORD_BITS = 16;
/** Encoder state limit per unit of frequency: x must stay below this × f before coding. */
const STATE_LIMIT_PER_FREQUENCY = (STATE_LOWER_BOUND >>> PRECISION_BITS) << WORD_BITS;

// ---------------------------------------------------------------------------
// Tables

/** Frequencies of `contexts` tables over an alphabet of `alphabetSize` symbols. */
export class SymbolTables {
  readonly contexts: number;
  readonly alphabetSize: number;
  /** frequencies[context × alphabetSize + symbol]; 0 for a symbol that never occurs. */
  readonly frequencies: Uint16Array;
  /** Sum of the frequencies of the smaller symbols in the same context. */
  readonly cumulative: Uint16Array;

  constructor(contexts: number, alphabetSize: number, frequencies: Uint16Array) {
    this.contexts = contexts;
    this.alphabetSize = alphabetSize;
    this.frequencies = frequencies;
    this.cumulative = new Uint16Array(frequencies.length);
    for (let context = 0; context < contexts; context++) {
      let sum = 0;
      for (let symbol = 0; symbol < alphabetSize; symbol++) {
        const index = context * alphabetSize + symbol;
        this.cumulative[index] = sum;
        sum += frequencies[index] ?? 0;
      }
    }
  }
}

/** Counts symbol occurrences per context: the encoder's first pass. */
export class SymbolCounter {
  readonly contexts: number;
  readonly alphabetSize: number;
  readonly counts: Float64Array;

  constructor(contexts: number, alphabetSize: number) {
    this.contexts = contexts;
    this.alphabetSize = alphabetSize;
    this.counts = new Float64Array(contexts * alphabetSize);
  }

  add(context: number, symbol: number): void {
    const index = context * this.alphabetSize + symbol;
    this.counts[index] = (this.counts[index] ?? 0) + 1;
  }

  /**
   * Scales each context's counts to frequencies summing to 2^PRECISION_BITS,
   * keeping every symbol that occurred at 1 or more. Integer-only tie
   * breaking, so the same input always gives the same asset bytes.
   */
  toTables(): SymbolTables {
    const { contexts, alphabetSize } = this;
    const frequencies = new Uint16Array(contexts * alphabetSize);
    for (let context = 0; context < contexts; context++) {
      const start = context * alphabetSize;
      const counts = this.counts.subarray(start, start + alphabetSize);
      let total = 0;
      for (const count of counts) total += count;
      if (total === 0) continue;
      const scaled = frequencies.subarray(start, start + alphabetSize);
      let sum = 0;
      counts.forEach((count, symbol) => {
        if (count === 0) return;
        const frequency = Math.max(1, Math.floor((count * PRECISION_TOTAL) / total));
        scaled[symbol] = frequency;
        sum += frequency;
      });
      // Rounding down leaves a remainder (give it to the most frequent
      // symbol, where it costs least); forcing rare symbols up to 1 can
      // overshoot (take it back from the largest frequencies).
      while (sum !== PRECISION_TOTAL) {
        const adjustment = sum < PRECISION_TOTAL ? 1 : -1;
        const symbol = largestAdjustable(scaled, adjustment);
        scaled[symbol] = (scaled[symbol] ?? 0) + adjustment;
        sum += adjustment;
      }
    }
    return new SymbolTables(contexts, alphabetSize, frequencies);
  }
}

function largestAdjustable(frequencies: Uint16Array, adjustment: number): number {
  let best = -1;
  let bestFrequency = 0;
  frequencies.forEach((frequency, symbol) => {
    const adjustable = adjustment > 0 ? frequency > 0 : frequency > 1;
    if (adjustable && frequency > bestFrequency) {
      best = symbol;
      bestFrequency = frequency;
    }
  });
  return best;
}

/**
 * Serializes tables compactly: per context a presence bitmap of the
 * alphabet, then the frequency of each present symbol as a LEB128 varint.
 */
export function writeTables(writer: ByteWriter, tables: SymbolTables): void {
  const { contexts, alphabetSize, frequencies } = tables;
  const bitmapBytes = Math.ceil(alphabetSize / 8);
  for (let context = 0; context < contexts; context++) {
    const start = context * alphabetSize;
    for (let byte = 0; byte < bitmapBytes; byte++) {
      let bits = 0;
      for (let bit = 0; bit < 8; bit++) {
        const symbol = byte * 8 + bit;
        if (symbol < alphabetSize && (frequencies[start + symbol] ?? 0) > 0) bits |= 1 << bit;
      }
      writer.writeByte(bits);
    }
    for (let symbol = 0; symbol < alphabetSize; symbol++) {
      const frequency = frequencies[start + symbol] ?? 0;
      if (frequency > 0) writer.writeVarint(frequency);
    }
  }
}

/** Inverse of writeTables; checks that every used context sums to 2^PRECISION_BITS. */
export function readTables(reader: ByteReader, contexts: number, alphabetSize: number): SymbolTables {
  const frequencies = new Uint16Array(contexts * alphabetSize);
  const bitmapBytes = Math.ceil(alphabetSize / 8);
  const bitmap = new Uint8Array(bitmapBytes);
  for (let context = 0; context < contexts; context++) {
    for (let byte = 0; byte < bitmapBytes; byte++) bitmap[byte] = reader.readByte();
    let sum = 0;
    for (let symbol = 0; symbol < alphabetSize; symbol++) {
      if ((((bitmap[symbol >>> 3] ?? 0) >>> (symbol & 7)) & 1) === 0) continue;
      const frequency = reader.readVarint();
      if (frequency === 0 || frequency > PRECISION_TOTAL) {
        throw new CorruptDataError(`frequency ${frequency} out of range in context ${context}`);
      }
      frequencies[context * alphabetSize + symbol] = frequency;
      sum += frequency;
    }
    if (sum !== 0 && sum !== PRECISION_TOTAL) {
      throw new CorruptDataError(`frequencies of context ${context} sum to ${sum}, not ${PRECISION_TOTAL}`);
    }
  }
  return new SymbolTables(contexts, alphabetSize, frequencies);
}

// ---------------------------------------------------------------------------
// Coding

/**
 * rANS is last-in first-out: the encoder takes the symbols in reverse order
 * and the decoder gets them back in forward order. Callers push symbols
 * back to front.
 */
export class RansEncoder {
  private state = STATE_LOWER_BOUND;
  /** Output words, last word first (they are emitted in reverse). */
  private words = new Uint16Array(1 << 12);
  private wordCount = 0;

  encode(tables: SymbolTables, context: number, symbol: number): void {
    const index = context * tables.alphabetSize + symbol;
    const frequency = tables.frequencies[index] ?? 0;
    if (frequency === 0) throw new Error(`symbol ${symbol} has no frequency in context ${context}`);
    let state = this.state;
    const limit = STATE_LIMIT_PER_FREQUENCY * frequency;
    while (state >= limit) {
      this.pushWord(state & 0xffff);
      state >>>= WORD_BITS;
    }
    const quotient = Math.floor(state / frequency);
    this.state = quotient * PRECISION_TOTAL + (state - quotient * frequency) + (tables.cumulative[index] ?? 0);
  }

  /** The coded words in decoding order: the final state first, big-endian. */
  finish(): Uint8Array<ArrayBuffer> {
    this.pushWord(this.state & 0xffff);
    this.pushWord(this.state >>> WORD_BITS);
    const bytes = new Uint8Array(this.wordCount * 2);
    for (let i = 0; i < this.wordCount; i++) {
      const word = this.words[this.wordCount - 1 - i] ?? 0;
      bytes[2 * i] = word >>> 8;
      bytes[2 * i + 1] = word & 0xff;
    }
    return bytes;
  }

  private pushWord(word: number): void {
    if (this.wordCount === this.words.length) {
      const larger = new Uint16Array(this.words.length * 2);
      larger.set(this.words);
      this.words = larger;
    }
    this.words[this.wordCount++] = word;
  }
}

/** Decoding tables: frequencies plus a slot → symbol lookup per context. */
export class DecodingTables {
  readonly alphabetSize: number;
  readonly frequencies: Uint16Array;
  readonly cumulative: Uint16Array;
  /** lookup[context << PRECISION_BITS | slot] is the symbol owning that slot. */
  readonly lookup: Uint8Array;

  constructor(tables: SymbolTables) {
    if (tables.alphabetSize > 256) throw new Error('alphabets are limited to 256 symbols');
    this.alphabetSize = tables.alphabetSize;
    this.frequencies = tables.frequencies;
    this.cumulative = tables.cumulative;
    this.lookup = new Uint8Array(tables.contexts << PRECISION_BITS);
    for (let context = 0; context < tables.contexts; context++) {
      for (let symbol = 0; symbol < tables.alphabetSize; symbol++) {
        const index = context * tables.alphabetSize + symbol;
        const start = (context << PRECISION_BITS) + (tables.cumulative[index] ?? 0);
        this.lookup.fill(symbol, start, start + (tables.frequencies[index] ?? 0));
      }
    }
  }
}

/** Where a model finds its frequency tables and, once it has read them, its decoder. */
export interface CodedStream {
  readonly tables: ByteReader;
  /** Call once all tables are read. */
  startDecoder(): RansDecoder;
}

export class RansDecoder {
  private state: number;
  private position: number;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array, position: number) {
    this.bytes = bytes;
    this.position = position;
    this.state = this.nextWord() * 65536 + this.nextWord();
    if (this.state < STATE_LOWER_BOUND || this.state >= STATE_LOWER_BOUND * 65536) {
      throw new CorruptDataError('invalid initial coder state');
    }
  }

  decode(tables: DecodingTables, context: number): number {
    const state = this.state;
    const slot = state & SLOT_MASK;
    const symbol = tables.lookup[(context << PRECISION_BITS) | slot] ?? 0;
    const index = context * tables.alphabetSize + symbol;
    let next = (tables.frequencies[index] ?? 0) * (state >>> PRECISION_BITS) + slot - (tables.cumulative[index] ?? 0);
    if (next < STATE_LOWER_BOUND) next = (next << WORD_BITS) | this.nextWord();
    this.state = next;
    return symbol;
  }

  /**
   * A valid stream ends exactly where it started: the encoder's initial
   * state, with every word consumed. Anything else means corrupt data.
   */
  assertFinished(): void {
    if (this.state !== STATE_LOWER_BOUND || this.position !== this.bytes.length) {
      throw new CorruptDataError('the compressed data does not end where the decoder does');
    }
  }

  private nextWord(): number {
    // Reading past the end yields zeros; assertFinished() reports it.
    const word = ((this.bytes[this.position] ?? 0) << 8) | (this.bytes[this.position + 1] ?? 0);
    this.position += 2;
    return word;
  }
}
