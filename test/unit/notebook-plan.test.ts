import { describe, expect, it } from 'vitest';
import { NotebookPlan, type CellState } from '../../src/runtime/notebook-plan.ts';

function statesOf(plan: NotebookPlan): Record<string, CellState> {
  return Object.fromEntries(plan.cellIds.map((id) => [id, plan.state(id)]));
}

function runQueue(plan: NotebookPlan, failing: string[] = []): string[] {
  const ran: string[] = [];
  for (let id = plan.startNext(); id !== undefined; id = plan.startNext()) {
    ran.push(id);
    plan.finish(id, !failing.includes(id));
  }
  return ran;
}

describe('NotebookPlan', () => {
  it('runs the earlier cells that have not run before the requested one, in page order', () => {
    const plan = new NotebookPlan(['a', 'b', 'c', 'd']);
    expect(plan.requestRun('c')).toEqual(['a', 'b', 'c']);
    expect(runQueue(plan)).toEqual(['a', 'b', 'c']);
    expect(statesOf(plan)).toEqual({ a: 'done', b: 'done', c: 'done', d: 'idle' });
  });

  it('does not re-run earlier cells that are done', () => {
    const plan = new NotebookPlan(['a', 'b', 'c']);
    plan.requestRun('b');
    runQueue(plan);
    expect(plan.requestRun('c')).toEqual(['c']);
    expect(plan.requestRun('b')).toEqual(['b']);
  });

  it('marks an edited cell and the later cells that had run as stale', () => {
    const plan = new NotebookPlan(['a', 'b', 'c', 'd']);
    plan.requestRun('c');
    runQueue(plan);
    plan.edited('b');
    expect(statesOf(plan)).toEqual({ a: 'done', b: 'stale', c: 'stale', d: 'idle' });
    expect(plan.requestRun('d')).toEqual(['b', 'c', 'd']);
  });

  it('never queues a cell twice when Run is pressed repeatedly', () => {
    const plan = new NotebookPlan(['a', 'b']);
    plan.requestRun('b');
    expect(plan.requestRun('b')).toEqual([]);
    expect(plan.requestRun('a')).toEqual([]);
    expect(plan.queue).toEqual(['a', 'b']);
  });

  it('stops Run all at the first failing cell and leaves the rest as they were', () => {
    const plan = new NotebookPlan(['a', 'b', 'c']);
    plan.requestRunAll();
    expect(runQueue(plan, ['b'])).toEqual(['a', 'b']);
    expect(statesOf(plan)).toEqual({ a: 'done', b: 'error', c: 'idle' });
  });

  it('re-runs a failed earlier cell before the requested one', () => {
    const plan = new NotebookPlan(['a', 'b']);
    plan.requestRun('a');
    runQueue(plan, ['a']);
    expect(plan.requestRun('b')).toEqual(['a', 'b']);
  });

  it('marks every cell that had run as stale after a stop', () => {
    const plan = new NotebookPlan(['a', 'b', 'c']);
    plan.requestRunAll();
    const first = plan.startNext();
    if (first) plan.finish(first, true);
    plan.startNext();
    plan.stopped();
    expect(statesOf(plan)).toEqual({ a: 'stale', b: 'stale', c: 'idle' });
    expect(plan.queue).toEqual([]);
  });

  it('keeps a cell edited while it runs stale once it finishes', () => {
    const plan = new NotebookPlan(['a']);
    plan.requestRun('a');
    plan.startNext();
    plan.edited('a');
    plan.finish('a', true);
    expect(plan.state('a')).toBe('stale');
  });

  it('reports every state change to its listener', () => {
    const changes: string[] = [];
    const plan = new NotebookPlan(['a'], (id, state) => changes.push(`${id}:${state}`));
    plan.requestRun('a');
    runQueue(plan);
    expect(changes).toEqual(['a:queued', 'a:running', 'a:done']);
  });

  it('refuses duplicate cell ids', () => {
    expect(() => new NotebookPlan(['a', 'a'])).toThrow(/Duplicate cell id: a/);
  });
});

describe('NotebookPlan and late errors', () => {
  it('marks a finished cell as failed when one of its timers throws later', () => {
    const plan = new NotebookPlan(['a', 'b']);
    plan.requestRun('a');
    runQueue(plan);
    plan.failedLate('a');
    expect(plan.state('a')).toBe('error');
    expect(plan.requestRun('b')).toEqual(['a', 'b']);
  });
});

describe('NotebookPlan when the session is lost', () => {
  it('fails the running cell and marks the cells that had run stale', () => {
    const plan = new NotebookPlan(['a', 'b', 'c']);
    plan.requestRunAll();
    const first = plan.startNext();
    if (first) plan.finish(first, true);
    plan.startNext();
    expect(plan.lostWhileRunning()).toBe('b');
    expect(Object.fromEntries(plan.cellIds.map((id) => [id, plan.state(id)]))).toEqual({ a: 'stale', b: 'error', c: 'idle' });
  });
});
