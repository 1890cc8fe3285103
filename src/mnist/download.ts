/**
 * Fetching with progress and exact-size checks. Works with any fetch that
 * returns a standard Response (browsers, workers, Node 22, test doubles).
 */
import { MnistError } from './errors.ts';

/** The subset of fetch the loader needs; globalThis.fetch fits. */
export type FetchFunction = (url: string, init: { signal: AbortSignal; cache?: 'no-cache' }) => Promise<Response>;

export interface DownloadRequest {
  readonly fetch: FetchFunction;
  readonly url: string;
  /** Names the file in error messages. */
  readonly file: string;
  /** From the manifest: a body of any other length is an error. */
  readonly expectedBytes: number;
  readonly signal: AbortSignal;
  /** Called with the size of each chunk as it arrives. */
  readonly onBytes?: ((bytes: number) => void) | undefined;
}

/** Downloads a file of known size; rejects on HTTP errors, short or long bodies. */
export async function downloadBytes(request: DownloadRequest): Promise<Uint8Array<ArrayBuffer>> {
  const { file, url, expectedBytes, signal } = request;
  const response = await startFetch(request.fetch, url, file, signal);
  if (response.body === null) {
    // Some fetch implementations give no stream: no progress, same checks.
    const bytes = new Uint8Array(await readOrAbort(() => response.arrayBuffer(), file, url, signal));
    checkLength(bytes.length, expectedBytes, file);
    request.onBytes?.(bytes.length);
    return bytes;
  }
  const bytes = new Uint8Array(expectedBytes);
  let received = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await readOrAbort(() => reader.read(), file, url, signal);
      if (done) break;
      if (received + value.length > expectedBytes) {
        throw new MnistError(
          file,
          `the server sent more than the ${expectedBytes} bytes the manifest lists (${url}); is the data out of date?`,
        );
      }
      bytes.set(value, received);
      received += value.length;
      request.onBytes?.(value.length);
    }
  } catch (error) {
    // Stop the transfer instead of leaving the connection to the garbage collector.
    void reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  checkLength(received, expectedBytes, file);
  return bytes;
}

/** Fetches and parses a small JSON file such as the manifest. */
export async function downloadJson(fetch: FetchFunction, url: string, file: string, signal: AbortSignal): Promise<unknown> {
  // no-cache revalidates with the server: a stale manifest would point at
  // asset versions the server no longer has.
  const response = await startFetch(fetch, url, file, signal, 'no-cache');
  const text = await readOrAbort(() => response.text(), file, url, signal);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new MnistError(file, `not valid JSON (${url})`, { cause: error });
  }
}

async function startFetch(fetch: FetchFunction, url: string, file: string, signal: AbortSignal, cache?: 'no-cache'): Promise<Response> {
  signal.throwIfAborted();
  let response: Response;
  try {
    // A plain call, not options.fetch(...): browsers throw "Illegal invocation"
    // when the global fetch runs with another object as `this`.
    response = await fetch(url, cache === undefined ? { signal } : { signal, cache });
  } catch (error) {
    signal.throwIfAborted();
    throw new MnistError(file, `download failed: ${describe(error)} (${url})`, { cause: error });
  }
  if (!response.ok) {
    // Free the connection; the body of an error page is of no use.
    void response.body?.cancel().catch(() => undefined);
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new MnistError(file, `HTTP ${status} for ${url}`);
  }
  return response;
}

/** Runs a body read; an abort wins over the read's own error. */
async function readOrAbort<T>(read: () => Promise<T>, file: string, url: string, signal: AbortSignal): Promise<T> {
  try {
    return await read();
  } catch (error) {
    signal.throwIfAborted();
    if (error instanceof MnistError) throw error;
    throw new MnistError(file, `download interrupted: ${describe(error)} (${url})`, { cause: error });
  }
}

function checkLength(received: number, expectedBytes: number, file: string): void {
  if (received < expectedBytes) {
    throw new MnistError(file, `download truncated: got ${received} of ${expectedBytes} bytes`);
  }
  if (received > expectedBytes) {
    throw new MnistError(file, `got ${received} bytes, the manifest lists ${expectedBytes}; is the data out of date?`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
