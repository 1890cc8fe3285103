/**
 * A fetch for the build that serves files of a local folder under a made-up URL, so that the
 * build loads MNIST through the very loader the browser uses. (Node's fetch cannot read files.)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchFunction } from '../../mnist/index.ts';

export const LOCAL_DATA_URL = 'http://build.invalid/data/mnist/';

export function localFolderFetch(folder: string): FetchFunction {
  return async (url, init) => {
    init.signal.throwIfAborted();
    const { pathname } = new URL(url);
    const name = pathname.slice(new URL(LOCAL_DATA_URL).pathname.length);
    if (!url.startsWith(LOCAL_DATA_URL) || name.includes('/') || name.includes('..')) return new Response(null, { status: 404 });
    try {
      return new Response(new Uint8Array(await readFile(join(folder, name))), { status: 200 });
    } catch {
      return new Response(null, { status: 404, statusText: 'Not Found' });
    }
  };
}
