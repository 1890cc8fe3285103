/**
 * The session bar's "Download my edits" and "Import" (the file format is in edits-file.ts). An
 * import follows the rules of cell-edits.ts: an edit of an older original is marked as a
 * conflict, a different edit of the reader's is kept as their previous one; a file that cannot
 * be read changes nothing. The file format loads only when a button is pressed.
 */
import type { SavedEdit } from './edit-store.ts';
import type { LiveCellElement } from './live-cell.ts';
import type { Translate } from './ui-strings.ts';

export function setUpEditsTransfer(
  cells: readonly LiveCellElement[],
  controls: HTMLElement | null,
  notice: (text: string) => void,
  t: Translate,
): void {
  const exportButton = controls?.querySelector<HTMLButtonElement>('[data-action="export"]');
  const importButton = controls?.querySelector<HTMLButtonElement>('[data-action="import"]');
  const fileInput = controls?.querySelector<HTMLInputElement>('[data-import-file]');
  // The article's slug, the last part of the page's path (/base/en/demo/): the same in every language.
  const article = location.pathname.split('/').filter(Boolean).at(-1) ?? '';
  if (exportButton) {
    exportButton.hidden = false;
    exportButton.addEventListener('click', () => void exportEdits(cells, article, notice, t));
  }
  if (importButton && fileInput) {
    importButton.hidden = false;
    importButton.addEventListener('click', () => fileInput.click());
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) void importEdits(cells, article, file, notice, t);
    });
  }
}

async function exportEdits(
  cells: readonly LiveCellElement[],
  article: string,
  notice: (text: string) => void,
  t: Translate,
): Promise<void> {
  const edits: Record<string, SavedEdit> = {};
  for (const cell of cells) {
    const edit = cell.savedEdit;
    if (edit) edits[cell.cellId] = edit;
  }
  const count = Object.keys(edits).length;
  if (count === 0) {
    notice(t('edits.exportNothing'));
    return;
  }
  const { editsFileName, formatEditsFile } = await import('./edits-file.ts');
  const title = document.querySelector('h1')?.textContent?.trim() ?? article;
  const text = formatEditsFile(
    { article, page: location.pathname, cells: edits },
    {
      title: t('edits.file.title', { title }),
      intro: t('edits.file.intro'),
      original: t('edits.file.original'),
      originalUnknown: t('edits.file.originalUnknown'),
      edit: t('edits.file.edit'),
    },
  );
  const file = editsFileName(article);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  // The download has its own copy of the bytes once it started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  notice(t('edits.exported', { count, file }));
}

async function importEdits(
  cells: readonly LiveCellElement[],
  article: string,
  file: File,
  notice: (text: string) => void,
  t: Translate,
): Promise<void> {
  const { EditsFileError, MAX_FILE_BYTES, parseEditsFile } = await import('./edits-file.ts');
  let parsed;
  try {
    if (file.size > MAX_FILE_BYTES) throw new EditsFileError('tooLarge');
    parsed = parseEditsFile(await file.text(), article, new Set(cells.map((cell) => cell.cellId)));
  } catch (error) {
    const reason =
      error instanceof EditsFileError ? t(`edits.problem.${error.problem}`, { detail: error.detail }) : t('edits.problem.unreadable');
    notice(t('edits.importFailed', { reason }));
    return;
  }
  const counts = { applied: 0, conflict: 0, unchanged: 0 };
  for (const cell of cells) {
    const edit = parsed.cells[cell.cellId];
    if (edit) counts[cell.importEdit(edit)]++;
  }
  const imported = counts.applied + counts.conflict;
  const parts = [t('edits.imported', { count: imported })];
  if (counts.conflict > 0) parts.push(t('edits.importedConflicts', { count: counts.conflict }));
  if (counts.unchanged > 0) parts.push(t('edits.importedUnchanged', { count: counts.unchanged }));
  notice(parts.join(' '));
}
