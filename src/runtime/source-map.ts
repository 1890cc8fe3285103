/**
 * A tiny position map between a cell's original code and the code we actually evaluate.
 *
 * The cell compiler only replaces or inserts short pieces of text, so a list of edits is enough to
 * send an error position in the generated code back to the line and column the reader typed.
 */

/** Replace original[start, end) with `text`. Edits must not overlap. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

export interface LineColumn {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

interface Segment {
  generatedStart: number;
  originalStart: number;
  length: number;
  /** Inserted text: every generated offset inside maps to `originalStart`. */
  inserted: boolean;
}

export interface EditedSource {
  text: string;
  /** Maps a 1-based position in `text` to the original code, or undefined outside of it. */
  toOriginal(position: LineColumn): LineColumn | undefined;
}

export function applyEdits(original: string, edits: readonly SourceEdit[], prefix: string, suffix: string): EditedSource {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let text = prefix;
  let cursor = 0;
  const pushCopy = (from: number, to: number): void => {
    if (to <= from) return;
    segments.push({ generatedStart: text.length, originalStart: from, length: to - from, inserted: false });
    text += original.slice(from, to);
  };
  for (const edit of sorted) {
    pushCopy(cursor, edit.start);
    if (edit.text.length > 0) {
      segments.push({ generatedStart: text.length, originalStart: edit.start, length: edit.text.length, inserted: true });
      text += edit.text;
    }
    cursor = Math.max(cursor, edit.end);
  }
  pushCopy(cursor, original.length);
  const bodyEnd = text.length;
  text += suffix;

  const generatedLines = lineStarts(text);
  const originalLines = lineStarts(original);

  return {
    text,
    toOriginal(position) {
      const offset = toOffset(generatedLines, position);
      if (offset === undefined || offset < prefix.length || offset > bodyEnd) return undefined;
      const segment = findSegment(segments, offset);
      if (!segment) return toLineColumn(originalLines, original.length);
      const originalOffset = segment.inserted ? segment.originalStart : segment.originalStart + (offset - segment.generatedStart);
      return toLineColumn(originalLines, originalOffset);
    },
  };
}

function findSegment(segments: readonly Segment[], offset: number): Segment | undefined {
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment.generatedStart > offset) break;
    found = segment;
  }
  return found;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function toOffset(starts: readonly number[], { line, column }: LineColumn): number | undefined {
  const start = starts[line - 1];
  return start === undefined ? undefined : start + column - 1;
}

function toLineColumn(starts: readonly number[], offset: number): LineColumn {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line++;
  return { line: line + 1, column: offset - (starts[line] ?? 0) + 1 };
}
