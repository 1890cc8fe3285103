/**
 * The label model of the .mnc format: one frequency table over the byte
 * values (labels are independent digits; nothing to condition on).
 */
import type { ByteWriter } from './bytes.ts';
import { DecodingTables, RansEncoder, readTables, SymbolCounter, writeTables, type CodedStream } from './rans.ts';

export function encodeLabels(writer: ByteWriter, bytes: Uint8Array, start: number, count: number): Uint8Array<ArrayBuffer> {
  const counter = new SymbolCounter(1, 256);
  for (let i = start; i < start + count; i++) counter.add(0, bytes[i] ?? 0);
  const tables = counter.toTables();
  writeTables(writer, tables);
  const encoder = new RansEncoder();
  for (let i = start + count - 1; i >= start; i--) encoder.encode(tables, 0, bytes[i] ?? 0);
  return encoder.finish();
}

export function decodeLabels(stream: CodedStream, bytes: Uint8Array, start: number, count: number): void {
  const tables = new DecodingTables(readTables(stream.tables, 1, 256));
  const decoder = stream.startDecoder();
  for (let i = start; i < start + count; i++) bytes[i] = decoder.decode(tables, 0);
  decoder.assertFinished();
}
