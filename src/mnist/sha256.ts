/**
 * SHA-256 via Web Crypto, which browsers, workers and Node 22 all provide.
 * Browsers only expose crypto.subtle in secure contexts (https:// or
 * http://localhost), so say so instead of failing with "undefined".
 */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) {
    throw new Error('SHA-256 needs crypto.subtle, which browsers only provide on https:// pages and http://localhost');
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
