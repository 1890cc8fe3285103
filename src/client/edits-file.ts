/**
 * "Download my edits" and "Import": the reader's edits as one readable Markdown file, one fenced
 * block per edited cell (its id in the fence's info string) after the original it started from.
 *
 *   <!-- tf-facile edits, format 1 -->
 *   # My edits: Demo
 *   article: demo
 *   page: /en/demo/
 *
 *   ## `tensors`
 *   ```js original id=tensors
 *   ...the article's code the edit started from...
 *   ```
 *   ```js edit id=tensors
 *   ...the reader's code...
 *   ```
 *
 * Reading is strict: a file that is not one of ours, from another article, with a cell this page
 * does not have, or damaged, is refused as a whole with its reason, and nothing changes.
 */
import type { SavedEdit } from './edit-store.ts';

const MAGIC = '<!-- tf-facile edits, format 1 -->';
/** A reader's edits are a few kilobytes; anything much larger is not such a file. */
export const MAX_FILE_BYTES = 2_000_000;
const FENCE_OPEN = /^(`{3,})js (original|edit) id=([a-z0-9-]+)$/;

export interface EditsFile {
  /** The article's slug: the same in every language, like the cell ids. */
  article: string;
  /** The page the file was written from (informative). */
  page: string;
  cells: Record<string, SavedEdit>;
}

/** The prose of the file, in the page's language; the parser does not read it. */
export interface EditsFileWords {
  title: string;
  intro: string;
  original: string;
  originalUnknown: string;
  edit: string;
}

export type EditsFileProblem = 'notOurs' | 'tooLarge' | 'otherArticle' | 'unknownCells' | 'damaged' | 'empty';

export class EditsFileError extends Error {
  override name = 'EditsFileError';
  readonly problem: EditsFileProblem;
  /** Details for the message: the other article, the unknown cells. */
  readonly detail: string;
  constructor(problem: EditsFileProblem, detail = '') {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
    this.problem = problem;
    this.detail = detail;
  }
}

export function formatEditsFile(file: EditsFile, words: EditsFileWords): string {
  const parts = [
    MAGIC,
    `# ${oneLine(words.title)}`,
    '',
    oneLine(words.intro),
    '',
    `article: ${file.article}`,
    `page: ${oneLine(file.page)}`,
  ];
  for (const [id, edit] of Object.entries(file.cells)) {
    parts.push('', `## \`${id}\``, '');
    if (edit.base === null) {
      parts.push(oneLine(words.originalUnknown), '');
    } else {
      parts.push(oneLine(words.original), '', ...fenced(edit.base, `js original id=${id}`), '');
    }
    parts.push(oneLine(words.edit), '', ...fenced(edit.code, `js edit id=${id}`));
  }
  return `${parts.join('\n')}\n`;
}

/** The edits of a file written by formatEditsFile, for this page's article and cells. */
export function parseEditsFile(text: string, article: string, knownCellIds: ReadonlySet<string>): EditsFile {
  if (text.length > MAX_FILE_BYTES) throw new EditsFileError('tooLarge');
  let lines = text.replace(/^\uFEFF/, '').split('\n');
  // A file saved again with Windows line ends: every line ends with \r, which is not the code's.
  if (lines[0]?.endsWith('\r')) lines = lines.map((line) => line.replace(/\r$/, ''));
  if (lines[0]?.trim() !== MAGIC) throw new EditsFileError('notOurs');
  // Header lines come before the first block: a line of code never counts as one.
  const firstBlock = lines.findIndex((line) => FENCE_OPEN.test(line));
  const headerLines = firstBlock < 0 ? lines : lines.slice(0, firstBlock);
  const header = (name: string): string | undefined =>
    headerLines
      .find((line) => line.startsWith(`${name}: `))
      ?.slice(name.length + 2)
      .trim();
  const fileArticle = header('article');
  if (fileArticle === undefined) throw new EditsFileError('damaged', 'no article line');
  if (fileArticle !== article) throw new EditsFileError('otherArticle', fileArticle);

  const originals = new Map<string, string>();
  const edits = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const [, fence = '', kind, id = ''] = open;
    const end = lines.findIndex((line, index) => index > i && new RegExp(`^\`{${fence.length},}$`).test(line));
    if (end < 0) throw new EditsFileError('damaged', `the block of ${id} is not closed`);
    const target = kind === 'original' ? originals : edits;
    if (target.has(id)) throw new EditsFileError('damaged', `${id} appears twice`);
    target.set(id, lines.slice(i + 1, end).join('\n'));
    i = end;
  }
  for (const id of originals.keys()) if (!edits.has(id)) throw new EditsFileError('damaged', `${id} has no edit`);
  if (edits.size === 0) throw new EditsFileError('empty');
  const unknown = [...edits.keys()].filter((id) => !knownCellIds.has(id));
  if (unknown.length > 0) throw new EditsFileError('unknownCells', unknown.join(', '));
  const cells: Record<string, SavedEdit> = {};
  for (const [id, code] of edits) cells[id] = { base: originals.get(id) ?? null, code };
  return { article: fileArticle, page: header('page') ?? '', cells };
}

/** A fence longer than any run of backticks in the code, so no code can close it early. */
function fenced(code: string, info: string): string[] {
  const longestRun = Math.max(0, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${fence}${info}`, code, fence];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The file name offered for download, e.g. `tf-facile-demo-edits.md`. */
export function editsFileName(article: string): string {
  return `tf-facile-${article.replace(/[^a-z0-9-]/gi, '') || 'article'}-edits.md`;
}
