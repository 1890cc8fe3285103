import { describe, expect, it } from 'vitest';
import { OutputBatcher } from '../../src/runtime/output-batcher.ts';

describe('OutputBatcher', () => {
  it('groups lines printed in quick succession into one message', () => {
    let now = 1_000;
    const sent: Array<[number, string]> = [];
    const batcher = new OutputBatcher(
      (runId, text) => sent.push([runId, text]),
      100,
      () => now,
    );
    batcher.add(1, 'a'); // first line goes out at once
    batcher.add(1, 'b');
    batcher.add(1, 'c');
    now += 150;
    batcher.add(1, 'd'); // the interval has passed: b, c and d go together
    batcher.flush();
    expect(sent).toEqual([
      [1, 'a'],
      [1, 'b\nc\nd'],
    ]);
  });

  it('never mixes the lines of two runs', () => {
    const sent: Array<[number, string]> = [];
    const batcher = new OutputBatcher(
      (runId, text) => sent.push([runId, text]),
      100,
      () => 0,
    );
    batcher.add(1, 'one');
    batcher.add(2, 'two');
    batcher.flush();
    expect(sent).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });
});
