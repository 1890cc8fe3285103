/**
 * Share links: the reader's edited cells, compressed into the URL's fragment (#share=...), so a
 * link carries code without any server. Decoding is strict: a malformed, oversized or foreign
 * link is refused as a whole, never half-applied.
 */
const PREFIX = '#share=';
const FORMAT_VERSION = 1;
/** Beyond this, browsers and chat apps start to cut URLs. */
export const MAX_ENCODED_LENGTH = 16_000;
const MAX_DECODED_BYTES = 256_000;

export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

export async function encodeShareFragment(cells: Readonly<Record<string, string>>): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ v: FORMAT_VERSION, cells }));
  const compressed = await transform(json, new CompressionStream('deflate-raw'));
  const encoded = toBase64Url(compressed);
  if (encoded.length > MAX_ENCODED_LENGTH)
    throw new ShareLinkError(`the edited code is too long for a link (${encoded.length} characters)`);
  return `${PREFIX}${encoded}`;
}

export function hasShareFragment(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

/** The cells of a share fragment, keeping only ids the page has; throws ShareLinkError otherwise. */
export async function decodeShareFragment(hash: string, knownCellIds: ReadonlySet<string>): Promise<Record<string, string>> {
  const encoded = hash.slice(PREFIX.length);
  if (encoded.length === 0 || encoded.length > MAX_ENCODED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(encoded)) {
    throw new ShareLinkError('the link is empty, too long or not a share link');
  }
  let parsed: unknown;
  try {
    const json = await transform(fromBase64Url(encoded), new DecompressionStream('deflate-raw'), MAX_DECODED_BYTES);
    parsed = JSON.parse(new TextDecoder().decode(json));
  } catch (error) {
    throw new ShareLinkError(error instanceof ShareLinkError ? error.message : 'the link is damaged');
  }
  const payload = parsed as { v?: unknown; cells?: unknown };
  if (payload.v !== FORMAT_VERSION || typeof payload.cells !== 'object' || payload.cells === null) {
    throw new ShareLinkError('the link was made by another version of the site');
  }
  const entries = Object.entries(payload.cells);
  if (entries.some(([id, code]) => typeof code !== 'string' || !knownCellIds.has(id))) {
    throw new ShareLinkError('the link holds cells this page does not have');
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

async function transform(bytes: Uint8Array, stream: TransformStream<BufferSource, Uint8Array>, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer
    .write(bytes as BufferSource)
    .then(() => writer.close())
    .catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.readable.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.length;
    if (total > limit) {
      await reader.cancel();
      throw new ShareLinkError('the link expands to too much code');
    }
    chunks.push(chunk.value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
