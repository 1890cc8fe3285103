/**
 * TensorFlow.js's own `?tfjsflags=NAME:value,NAME2:value` URL parameter, read by the page and
 * applied here (the worker's own URL has no query): e.g. `WEBGL_FORCE_F16_TEXTURES:true`
 * reproduces phones whose GPU renders only half floats.
 */
import type * as tfCore from '@tensorflow/tfjs-core';

export function parseTfjsFlags(text: string): Record<string, boolean | number> {
  const flags: Record<string, boolean | number> = {};
  for (const pair of text.split(',')) {
    const [name = '', raw = ''] = pair.split(':').map((part) => part.trim());
    if (!/^[A-Z0-9_]+$/.test(name)) continue;
    if (raw === 'true' || raw === 'false') flags[name] = raw === 'true';
    else if (raw !== '' && Number.isFinite(Number(raw))) flags[name] = Number(raw);
  }
  return flags;
}

export function applyTfjsFlags(tf: typeof tfCore, text: string): void {
  for (const [name, value] of Object.entries(parseTfjsFlags(text))) {
    // An unknown flag (another TensorFlow.js version) is ignored rather than failing the session.
    try {
      tf.env().set(name, value);
    } catch {
      // ignored
    }
  }
}
