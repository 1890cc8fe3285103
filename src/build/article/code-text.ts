/**
 * Code compared without its comments: translations of an article share one build-time run and are
 * checked for parity on what runs, while their comments are translated.
 */
import { parse } from 'acorn';

/** JavaScript without its comments and blank lines: what must match across translations. */
export function javascriptWithoutComments(code: string): string {
  const comments: Array<[number, number]> = [];
  parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowAwaitOutsideFunction: true,
    onComment: (_block, _text, start, end) => comments.push([start, end]),
  });
  let stripped = '';
  let cursor = 0;
  for (const [start, end] of comments) {
    stripped += code.slice(cursor, start);
    cursor = end;
  }
  stripped += code.slice(cursor);
  return normaliseLines(stripped);
}

/** Python without `#` comments (outside string literals) and blank lines. */
export function pythonWithoutComments(code: string): string {
  const lines = code.split('\n').map((line) => {
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (quote) {
        if (char === '\\') i++;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '#') {
        return line.slice(0, i);
      }
    }
    return line;
  });
  return normaliseLines(lines.join('\n'));
}

function normaliseLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');
}
