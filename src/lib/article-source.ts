/**
 * Reads an article's MDX source for what tools need without rendering it: its fenced code blocks
 * (live cells and original code, in page order) and the components it uses. Used by the locale
 * parity tests and by build-time execution.
 */
import { parse } from 'acorn';
import { parseFenceMeta } from '../integrations/remark-live-cells.ts';

export interface Fence {
  lang: string;
  meta: string;
  code: string;
  /** 1-based line of the opening fence in the MDX file. */
  line: number;
}

export interface LiveCellSource {
  id: string;
  code: string;
  line: number;
}

/** Fenced blocks (``` or ~~~, at least three), outside of other fences. */
export function extractFences(mdx: string): Fence[] {
  const lines = mdx.split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = /^(\s*)(`{3,}|~{3,})(\S*)\s*(.*)$/.exec(lines[i] ?? '');
    if (!opening) continue;
    const [, indent = '', marker = '```', lang = '', meta = ''] = opening;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[j] ?? '')) {
      body.push((lines[j] ?? '').startsWith(indent) ? (lines[j] ?? '').slice(indent.length) : (lines[j] ?? ''));
      j++;
    }
    fences.push({ lang, meta: meta.trim(), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return fences;
}

export function extractLiveCells(mdx: string): LiveCellSource[] {
  return extractFences(mdx).flatMap((fence) => {
    const meta = parseFenceMeta(fence.meta);
    return meta.live && meta.id ? [{ id: meta.id, code: fence.code, line: fence.line }] : [];
  });
}

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

/** The JSX components of the prose, in order, with their attributes as written. */
export function extractComponents(mdx: string): string[] {
  const withoutFences = mdx.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  return [...withoutFences.matchAll(/<([A-Z]\w*)((?:\s+[\w-]+(?:=(?:"[^"]*"|\{[^}]*\}))?)*)\s*\/?>/g)].map(
    (match) => `${match[1]}${(match[2] ?? '').replace(/\s+/g, ' ')}`,
  );
}
