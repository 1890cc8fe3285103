import { describe, expect, it } from 'vitest';
import { CellEdits, editStatus } from '../../src/client/cell-edits.ts';
import { EditStore } from '../../src/client/edit-store.ts';
import { changedLines } from '../../src/client/line-diff.ts';
import { MemoryStorage } from '../support/memory-storage.ts';

/** A cell whose reader edited `base` into `mine`, opened again when the article reads `original`. */
function reopened(storage: MemoryStorage, original: string): CellEdits {
  return new CellEdits('cell', original, new EditStore('/p/', storage));
}

function edited(base: string, mine: string): MemoryStorage {
  const storage = new MemoryStorage();
  reopened(storage, base).typed(mine);
  return storage;
}

describe('editStatus', () => {
  it('tells an edit of today’s original from one of an older original', () => {
    expect(editStatus(undefined, 'v2')).toBe('original');
    expect(editStatus({ base: 'v2', code: 'mine' }, 'v2')).toBe('edited');
    expect(editStatus({ base: 'v1', code: 'mine' }, 'v2')).toBe('conflict');
    expect(editStatus({ base: null, code: 'mine' }, 'v2')).toBe('conflict');
    expect(editStatus({ base: 'v1', code: 'v2' }, 'v2')).toBe('original');
  });
});

describe('CellEdits: the article changed a cell the reader edited', () => {
  it('keeps the edit, shows it, and says the article changed since', () => {
    const cell = reopened(edited('v1', 'mine'), 'v1 + a comment');
    expect(cell.code).toBe('mine');
    expect(cell.view().status).toBe('conflict');
    expect(cell.saved).toEqual({ base: 'v1', code: 'mine' });
  });

  it('stays in conflict while the reader types more, until they choose', () => {
    const storage = edited('v1', 'mine');
    reopened(storage, 'v2').typed('mine, longer');
    const again = reopened(storage, 'v2');
    expect(again.code).toBe('mine, longer');
    expect(again.view().status).toBe('conflict');
  });

  it('keep mine: the edit now counts as an edit of today’s original, across reloads', () => {
    const storage = edited('v1', 'mine');
    reopened(storage, 'v2').keepMine();
    const again = reopened(storage, 'v2');
    expect(again.view().status).toBe('edited');
    expect(again.code).toBe('mine');
  });

  it('take the article’s: the cell shows today’s original and nothing is saved', () => {
    const storage = edited('v1', 'mine');
    reopened(storage, 'v2').takeArticle();
    expect(reopened(storage, 'v2').code).toBe('v2');
    expect(storage.length).toBe(0);
  });

  it('lets go of an edit the article now reads exactly like', () => {
    const storage = edited('v1', 'the fix');
    expect(reopened(storage, 'the fix').view().status).toBe('original');
    expect(storage.length).toBe(0);
  });
});

describe('CellEdits: code from a share link', () => {
  it('is shown over the reader’s edit without saving it, and one step brings the edit back', () => {
    const storage = edited('o', 'mine');
    const cell = reopened(storage, 'o');
    cell.showShared('shared');
    expect(cell.code).toBe('shared');
    expect(cell.view()).toMatchObject({ fromLink: true, hasOwnEdit: true });
    expect(reopened(storage, 'o').code).toBe('mine');
    cell.dropShared();
    expect(cell.code).toBe('mine');
  });

  it('is saved when the reader keeps it, with their previous edit kept to swap back', () => {
    const storage = edited('o', 'mine');
    reopened(storage, 'o').showShared('shared');
    const cell = reopened(storage, 'o');
    cell.showShared('shared');
    cell.keepShared();
    const again = reopened(storage, 'o');
    expect(again.code).toBe('shared');
    expect(again.view().hasEarlier).toBe(true);
    again.swapEarlier();
    expect(reopened(storage, 'o').code).toBe('mine');
    expect(reopened(storage, 'o').view().hasEarlier).toBe(true);
  });

  it('is saved when the reader edits it, their previous edit kept', () => {
    const storage = edited('o', 'mine');
    const cell = reopened(storage, 'o');
    cell.showShared('shared');
    cell.typed('shared, edited');
    const again = reopened(storage, 'o');
    expect(again.code).toBe('shared, edited');
    expect(again.view().fromLink).toBe(false);
    again.swapEarlier();
    expect(again.code).toBe('mine');
  });

  it('counts as not yet seen until the reader runs or keeps it', () => {
    const cell = reopened(new MemoryStorage(), 'o');
    cell.showShared('shared');
    expect(cell.sharedNotYetSeen).toBe(true);
    cell.markSeen();
    expect(cell.sharedNotYetSeen).toBe(false);
    expect(cell.code).toBe('shared');
  });

  it('is no layer at all when it is the code the reader already has', () => {
    const cell = reopened(edited('o', 'mine'), 'o');
    cell.showShared('mine');
    expect(cell.view().fromLink).toBe(false);
  });
});

describe('CellEdits: importing an edit', () => {
  it('applies an edit of today’s original', () => {
    const storage = new MemoryStorage();
    expect(reopened(storage, 'o').importEdit({ base: 'o', code: 'imported' })).toBe('applied');
    expect(reopened(storage, 'o').saved).toEqual({ base: 'o', code: 'imported' });
  });

  it('marks an edit of an older original as a conflict, keeping what it started from', () => {
    const storage = new MemoryStorage();
    expect(reopened(storage, 'v2').importEdit({ base: 'v1', code: 'imported' })).toBe('conflict');
    expect(reopened(storage, 'v2').view().status).toBe('conflict');
  });

  it('keeps the reader’s different edit as their previous one', () => {
    const storage = edited('o', 'mine');
    reopened(storage, 'o').importEdit({ base: 'o', code: 'imported' });
    const cell = reopened(storage, 'o');
    expect(cell.code).toBe('imported');
    cell.swapEarlier();
    expect(cell.code).toBe('mine');
  });

  it('changes nothing when the cell already has that code', () => {
    const storage = edited('o', 'mine');
    expect(reopened(storage, 'o').importEdit({ base: 'o', code: 'mine' })).toBe('unchanged');
    expect(reopened(storage, 'o').view().hasEarlier).toBe(false);
  });
});

describe('changedLines', () => {
  it('marks the lines added or changed, not the ones kept', () => {
    expect(changedLines('a\nb\nc', 'a\n// new\nb\nC')).toEqual([false, true, false, true]);
    expect(changedLines('same', 'same')).toEqual([false]);
  });
});
