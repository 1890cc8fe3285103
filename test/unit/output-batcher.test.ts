import { describe, expect, it } from 'vitest';
import { OutputBatcher, type OutputChunk } from '../../src/runtime/output-batcher.ts';

const line = (text: string) => ({ kind: 'line' as const, text });

describe('OutputBatcher', () => {
  it('groups lines printed in quick succession into one message', () => {
    let now = 1_000;
    const sent: Array<[number, OutputChunk]> = [];
    const batcher = new OutputBatcher(
      (runId, chunk) => sent.push([runId, chunk]),
      100,
      () => now,
    );
    batcher.add(1, line('a')); // the first event goes out at once
    batcher.add(1, line('b'));
    batcher.add(1, line('c'));
    now += 150;
    batcher.add(1, line('d')); // the interval has passed: b, c and d go together
    batcher.flush();
    expect(sent).toEqual([
      [1, { lines: ['a'] }],
      [1, { lines: ['b', 'c', 'd'] }],
    ]);
  });

  it('takes a new interval when the worker learns its renderer', () => {
    let now = 1_000;
    const sent: string[][] = [];
    const batcher = new OutputBatcher(
      (_, chunk) => sent.push(chunk.lines),
      500,
      () => now,
    );
    batcher.intervalMs = 1_000;
    for (const text of ['a', 'b', 'c', 'd']) {
      batcher.add(1, line(text));
      now += 600; // past 500 ms, not past 1000 ms since the last message
    }
    batcher.flush();
    expect(sent).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('keeps only the latest progress and every chart point of a batch', () => {
    const sent: OutputChunk[] = [];
    const batcher = new OutputBatcher(
      (_, chunk) => sent.push(chunk),
      100,
      () => 0,
    );
    batcher.add(1, { kind: 'progress', done: 1, total: 1000 });
    batcher.add(1, { kind: 'progress', done: 2, total: 1000 });
    batcher.add(1, { kind: 'point', series: 'loss', x: 1, y: 230 });
    batcher.add(1, { kind: 'point', series: 'loss', x: 2, y: 120 });
    batcher.flush();
    expect(sent).toEqual([
      {
        lines: [],
        progress: { done: 2, total: 1000 },
        // Interleaved x, y in one typed array per series: cheap to post, even for a million points.
        points: { loss: Float64Array.from([1, 230, 2, 120]) },
      },
    ]);
  });

  it('never mixes the output of two runs', () => {
    const sent: Array<[number, OutputChunk]> = [];
    const batcher = new OutputBatcher(
      (runId, chunk) => sent.push([runId, chunk]),
      100,
      () => 0,
    );
    batcher.add(1, line('one'));
    batcher.add(2, line('two'));
    batcher.flush();
    expect(sent).toEqual([
      [1, { lines: ['one'] }],
      [2, { lines: ['two'] }],
    ]);
  });
});
