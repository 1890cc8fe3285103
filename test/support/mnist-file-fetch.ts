/**
 * A fetch for tests that serves a local folder under a fake https URL, the
 * way a static host would serve public/data/mnist/. (Node's own fetch does
 * not read file: URLs.) Tests can replace what any file returns.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchFunction } from '../../src/mnist/index.ts';

export const TEST_MNIST_BASE_URL = 'https://mnist.test/data/mnist/';

export interface MnistFileFetchOptions {
  /**
   * Called for each request with the file name and its bytes (undefined if
   * absent); return other bytes or a Response to change the answer, or
   * undefined to serve the file as is.
   */
  readonly respond?: (fileName: string, bytes: Uint8Array<ArrayBuffer> | undefined) => Response | Uint8Array<ArrayBuffer> | undefined;
}

export interface MnistFileFetch {
  readonly fetch: FetchFunction;
  /** File names requested so far, in order (query strings removed). */
  readonly requests: string[];
}

export function createMnistFileFetch(rootDir: string, options: MnistFileFetchOptions = {}): MnistFileFetch {
  const requests: string[] = [];
  const fetch: FetchFunction = async (url, init) => {
    init.signal.throwIfAborted();
    if (!url.startsWith(TEST_MNIST_BASE_URL)) return notFound();
    const fileName = decodeURIComponent(new URL(url).pathname.slice(new URL(TEST_MNIST_BASE_URL).pathname.length));
    requests.push(fileName);
    const bytes = fileName.includes('/')
      ? undefined
      : await readFile(join(rootDir, fileName)).then(
          (buffer) => new Uint8Array(buffer),
          () => undefined,
        );
    const answer = options.respond?.(fileName, bytes) ?? bytes;
    if (answer instanceof Response) return answer;
    return answer === undefined ? notFound() : new Response(answer, { status: 200 });
  };
  return { fetch, requests };
}

function notFound(): Response {
  return new Response('<!doctype html><title>404</title>', { status: 404, statusText: 'Not Found' });
}
