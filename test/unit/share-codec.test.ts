import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/mnist/random.ts';
import { decodeShareFragment, encodeShareFragment, MAX_ENCODED_LENGTH, ShareLinkError } from '../../src/client/share-codec.ts';

const ids = new Set(['tensors', 'matmul']);

describe('share links', () => {
  it('carry edited cells through the URL fragment and back, unicode included', async () => {
    const cells = { tensors: 'print("café ✓ 日本語")', matmul: 'const b = tf.ones([2, 3]);' };
    const fragment = await encodeShareFragment(cells);
    expect(fragment).toMatch(/^#share=[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(fragment, ids)).toEqual(cells);
  });

  it.each([
    ['an empty link', '#share='],
    ['characters outside base64url', '#share=<script>'],
    ['bytes that do not inflate', '#share=AAAAAAAA'],
    ['an oversized link', `#share=${'A'.repeat(MAX_ENCODED_LENGTH + 1)}`],
  ])('refuse %s', async (_case, fragment) => {
    await expect(decodeShareFragment(fragment, ids)).rejects.toBeInstanceOf(ShareLinkError);
  });

  it('refuse cells the page does not have, and never apply half a link', async () => {
    const fragment = await encodeShareFragment({ tensors: 'ok', unknown: 'evil' });
    await expect(decodeShareFragment(fragment, ids)).rejects.toThrow(/cells this page does not have/);
  });

  it('refuse a link that expands to too much code (a compression bomb)', async () => {
    const fragment = await encodeShareFragment({ tensors: ' '.repeat(2_000_000) });
    await expect(decodeShareFragment(fragment, ids)).rejects.toThrow(/too much code/);
  });

  it('refuse to make a link too long to share', async () => {
    const random = createRandom(1);
    const noise = Array.from({ length: 40_000 }, () => String.fromCharCode(33 + random.nextInt(90))).join('');
    await expect(encodeShareFragment({ tensors: noise })).rejects.toThrow(/too long for a link/);
  });
});
