/**
 * Which lines of a text are new compared with another (a longest common subsequence of lines):
 * enough to highlight, in the three-version view of a conflict, what the author and the reader
 * each changed. Cells are short; past a size where the table would be slow, every line counts
 * as changed rather than blocking the page.
 */
const MAX_CELLS = 1_000_000;

export function changedLines(from: string, to: string): boolean[] {
  const a = from.split('\n');
  const b = to.split('\n');
  if (a.length * b.length > MAX_CELLS) return b.map(() => true);
  // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
    }
  }
  const changed = b.map(() => true);
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      changed[j] = false;
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
      i++;
    } else {
      j++;
    }
  }
  return changed;
}
