import { createHash } from 'node:crypto';
import { cp, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mnistAssets, prepareMnistAssets } from '../../../src/build/mnist-assets.ts';
import { parseManifest, type MnistManifest } from '../../../src/mnist/manifest.ts';
import {
  MNIST_SOURCE_DIR,
  copyOfPreparedMnistAssets,
  preparedMnistAssets,
  readSourceIdx,
  temporaryDir,
} from '../../support/mnist-assets.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('prepareMnistAssets (build step)', () => {
  let dir: string;
  let manifest: MnistManifest;

  beforeAll(async () => {
    dir = await preparedMnistAssets();
    manifest = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  }, 120_000);

  it('describes the four files with counts, sizes and checksums', async () => {
    expect(manifest.files.map((file) => [file.name, file.kind, file.count, file.path])).toEqual([
      ['train-images', 'images', 60000, 'train-images.mnc'],
      ['train-labels', 'labels', 60000, 'train-labels.mnc'],
      ['t10k-images', 'images', 10000, 't10k-images.mnc'],
      ['t10k-labels', 'labels', 10000, 't10k-labels.mnc'],
    ]);
    for (const file of manifest.files) {
      const idx = await readSourceIdx(`${file.name}-${file.kind === 'images' ? 'idx3' : 'idx1'}-ubyte`);
      const asset = await readFile(join(dir, file.path));
      expect(file.rawBytes).toBe(idx.length);
      expect(file.rawSha256).toBe(sha256(idx));
      expect(file.compressedBytes).toBe(asset.length);
      expect(file.compressedSha256).toBe(sha256(asset));
      if (file.kind === 'images') expect([file.rows, file.cols]).toEqual([28, 28]);
    }
  });

  it('fits all 70,000 images and labels in less than 10 MB', () => {
    const total = manifest.files.reduce((sum, file) => sum + file.compressedBytes, 0);
    expect(total).toBeLessThan(10_000_000);
    // gzip -9 of the IDX files is 11,369,414 bytes.
    expect(total).toBeLessThan(8_000_000);
  });

  it('does nothing on a rebuild when the outputs are up to date', async () => {
    const before = await stat(join(dir, 'train-images.mnc'));
    const manifestBefore = await stat(join(dir, 'manifest.json'));
    const started = performance.now();
    const result = await prepareMnistAssets({ sourceDir: MNIST_SOURCE_DIR, outDir: dir });
    expect(result.encoded).toEqual([]);
    expect(result.upToDate).toHaveLength(4);
    expect(performance.now() - started).toBeLessThan(3000);
    expect((await stat(join(dir, 'train-images.mnc'))).mtimeMs).toBe(before.mtimeMs);
    expect((await stat(join(dir, 'manifest.json'))).mtimeMs).toBe(manifestBefore.mtimeMs);
  });

  it('re-encodes an asset that was damaged or deleted, and only that one', async () => {
    const copy = await copyOfPreparedMnistAssets();
    await writeFile(join(copy, 't10k-labels.mnc'), 'damaged');
    const result = await prepareMnistAssets({ sourceDir: MNIST_SOURCE_DIR, outDir: copy });
    expect(result.encoded).toEqual(['t10k-labels']);
    expect(sha256(await readFile(join(copy, 't10k-labels.mnc')))).toBe(manifest.files[3]?.compressedSha256);
  });

  it('fails with the file name when a source file is not what it claims', async () => {
    const sources = await temporaryDir();
    for (const name of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-labels-idx1-ubyte']) {
      await symlink(join(MNIST_SOURCE_DIR, name), join(sources, name));
    }
    // A labels file where the test images should be.
    await symlink(join(MNIST_SOURCE_DIR, 't10k-labels-idx1-ubyte'), join(sources, 't10k-images-idx3-ubyte'));
    const out = await copyOfPreparedMnistAssets();
    await expect(prepareMnistAssets({ sourceDir: sources, outDir: out })).rejects.toThrow(
      'MNIST file t10k-images: expected magic 2051 (images), got 2049 (labels)',
    );
  });

  it('says where it looked when a source file is missing', async () => {
    const empty = await temporaryDir();
    await expect(prepareMnistAssets({ sourceDir: empty, outDir: join(empty, 'out') })).rejects.toThrow(
      /MNIST source file missing: .*train-images-idx3-ubyte/,
    );
  });
});

describe('the mnistAssets Astro integration', () => {
  type ConfigSetup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;
  /** Runs the hook with just the fields it reads. */
  const runSetup = async (integration: AstroIntegration, command: 'dev' | 'build' | 'preview', publicDir: string): Promise<void> => {
    const setup = integration.hooks['astro:config:setup'];
    if (setup === undefined) throw new Error('no astro:config:setup hook');
    const logged: string[] = [];
    const options = {
      command,
      config: { publicDir: pathToFileURL(`${publicDir}/`) },
      logger: { info: (message: string) => logged.push(message) },
    };
    await setup(options as unknown as Parameters<ConfigSetup>[0]);
  };

  it('writes the assets to <publicDir>/data/mnist before dev and build, not before preview', async () => {
    const publicDir = await copyOfPreparedMnistAssets();
    await runSetup(mnistAssets(), 'preview', publicDir);
    await expect(stat(join(publicDir, 'data', 'mnist', 'manifest.json'))).rejects.toThrow();
    // Seed the output with prepared assets so the hook only has to check them.
    await cp(await preparedMnistAssets(), join(publicDir, 'data', 'mnist'), { recursive: true });
    await runSetup(mnistAssets(), 'build', publicDir);
    const manifest = parseManifest(JSON.parse(await readFile(join(publicDir, 'data', 'mnist', 'manifest.json'), 'utf8')));
    expect(manifest.files).toHaveLength(4);
  });
});
