/**
 * Growable byte output and bounds-checked byte input for the asset format.
 * Reading past the end is corrupt data, never a silent zero.
 */
import { CorruptDataError } from './errors.ts';

export class ByteWriter {
  private bytes = new Uint8Array(1 << 12);
  private length = 0;

  writeByte(byte: number): void {
    if (this.length === this.bytes.length) {
      const larger = new Uint8Array(this.bytes.length * 2);
      larger.set(this.bytes);
      this.bytes = larger;
    }
    this.bytes[this.length++] = byte;
  }

  writeUint32(value: number): void {
    for (let shift = 24; shift >= 0; shift -= 8) this.writeByte((value >>> shift) & 0xff);
  }

  writeVarint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.writeByte((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    this.writeByte(rest);
  }

  writeBytes(bytes: Uint8Array): void {
    for (const byte of bytes) this.writeByte(byte);
  }

  toBytes(): Uint8Array<ArrayBuffer> {
    return this.bytes.slice(0, this.length);
  }
}

export class ByteReader {
  private readonly bytes: Uint8Array;
  private position: number;

  constructor(bytes: Uint8Array, position = 0) {
    this.bytes = bytes;
    this.position = position;
  }

  get offset(): number {
    return this.position;
  }

  readByte(): number {
    const byte = this.bytes[this.position];
    if (byte === undefined) throw new CorruptDataError('unexpected end of data');
    this.position++;
    return byte;
  }

  readUint32(): number {
    let value = 0;
    for (let i = 0; i < 4; i++) value = value * 256 + this.readByte();
    return value;
  }

  readVarint(): number {
    let value = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const byte = this.readByte();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new CorruptDataError('varint too long');
  }
}
