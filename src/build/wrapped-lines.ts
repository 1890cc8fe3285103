/**
 * How many lines code takes on screen once wrapped at `columns` characters, as the site's code
 * wraps (`white-space: break-spaces`, `overflow-wrap: anywhere`: at a space or after a hyphen
 * inside a word when it can, anywhere in a word longer than a line when it must). The build uses
 * it to size blocks the browser skips until they come near the screen, so that drawing them moves
 * nothing (measured against Chromium on the article's originals: exact at 36 and 46 columns).
 * A Chinese, Japanese or Korean character takes five thirds of a column: it is one em wide, drawn
 * from a fallback face, where the code face's Latin characters are 0.6 em (fitted on the Japanese
 * article's cells, whose comments wrapped a line or two later than counted at two columns).
 */
export function wrappedLineCount(code: string, columns: number): number {
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`columns must be a positive integer, not ${columns}`);
  return code.split('\n').reduce((lines, line) => lines + linesOf(line, columns), 0);
}

/** Widths are counted in thirds of a column, so that sums of wide characters stay exact. */
const THIRDS = 3;
const WIDE_THIRDS = 5;

function linesOf(line: string, columnCount: number): number {
  const columns = columnCount * THIRDS;
  if (widthOf(line) <= columns) return 1;
  let lines = 1;
  let used = 0;
  // Each word with the spaces after it (each wide character is a word: a line may break between
  // two of them); a line breaks before a word that does not fit.
  for (const token of line.match(TOKENS) ?? []) {
    const spaces = (token.length - token.trimEnd().length) * THIRDS;
    let word = widthOf(token) - spaces;
    if (used > 0 && used + word > columns) {
      lines++;
      used = 0;
    }
    // A word longer than a line is cut where the line ends.
    while (word > columns) {
      lines++;
      word -= columns;
    }
    used += word + spaces;
  }
  return lines;
}

/** Hangul, CJK ideographs, kana and fullwidth forms: wide characters. */
const WIDE_RANGES = '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE = new RegExp(`[${WIDE_RANGES}]`, 'gu');
/**
 * A wide character; a run of other characters up to and including a hyphen that follows one of
 * them (Chromium breaks after it: `1.28e-` | `04`); or up to a space; each with the spaces after it.
 */
const TOKENS = new RegExp(`[${WIDE_RANGES}]\\s*|[^\\s${WIDE_RANGES}]+?-(?=[^\\s${WIDE_RANGES}])\\s*|[^\\s${WIDE_RANGES}]+\\s*|\\s+`, 'gu');

/** In thirds of a column. */
function widthOf(text: string): number {
  const wide = text.match(WIDE)?.length ?? 0;
  return (text.length - wide) * THIRDS + wide * WIDE_THIRDS;
}
