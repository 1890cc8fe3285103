import { describe, expect, it } from 'vitest';
import { CellError, createSessionScope, executeCell } from '../../src/runtime/execute-cell.ts';

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CellError) return error.failure;
    throw error;
  }
  throw new Error('expected the cell to fail');
}

describe('executeCell', () => {
  it('shares top-level declarations with the cells that run after it', async () => {
    const scope = createSessionScope();
    await executeCell('const W = 2;\nfunction double(x) { return x * W; }\nclass Box { constructor(v) { this.v = v; } }', 'a', scope, {});
    const result = await executeCell('new Box(double(21)).v', 'b', scope, {});
    expect(result).toMatchObject({ value: 42, hasValue: true });
  });

  it('keeps closures live: a function sees later changes to the variables it uses', async () => {
    const scope = createSessionScope();
    await executeCell('let count = 0;\nfunction increment() { count += 1; }', 'a', scope, {});
    const result = await executeCell('increment(); increment();\ncount', 'b', scope, {});
    expect(result.value).toBe(2);
  });

  it('redefines a variable when a cell runs again, resetting declarations without a value', async () => {
    const scope = createSessionScope();
    await executeCell('let total = 5;', 'a', scope, {});
    await executeCell('let total;', 'a', scope, {});
    expect(scope['total']).toBeUndefined();
  });

  it('supports top-level await and shows the awaited value', async () => {
    const result = await executeCell('const v = await Promise.resolve(41);\nv + 1', 'a', createSessionScope(), {});
    expect(result.value).toBe(42);
  });

  it('lets cells use the built-ins it is given, and lets a cell shadow them', async () => {
    const scope = createSessionScope();
    expect((await executeCell('answer()', 'a', scope, { answer: () => 42 })).value).toBe(42);
    expect((await executeCell('const answer = () => 7;\nanswer()', 'b', scope, { answer: () => 42 })).value).toBe(7);
  });

  it('reports a runtime error with its line and column in the cell', async () => {
    const failure = await failureOf(executeCell('const a = 1;\n\n   missingName + 1', 'rt', createSessionScope(), {}));
    expect(failure).toMatchObject({ name: 'ReferenceError', line: 3, column: 4, hint: 'notDefined' });
  });

  it('positions an error thrown inside a function defined in the cell', async () => {
    const code = 'function f() {\n  throw new RangeError("too big");\n}\nf();';
    const failure = await failureOf(executeCell(code, 'fn', createSessionScope(), {}));
    expect(failure).toMatchObject({ name: 'RangeError', message: 'too big', line: 2, column: 9 });
  });

  it('reports a syntax error without running anything', async () => {
    const scope = createSessionScope();
    const failure = await failureOf(executeCell('const ran = true;\nconst x = ;', 's', scope, {}));
    expect(failure).toMatchObject({ name: 'SyntaxError', line: 2, column: 11 });
    expect('ran' in scope).toBe(false);
  });

  it('describes a thrown value that is not an Error', async () => {
    const failure = await failureOf(executeCell('throw { code: 7 }', 't', createSessionScope(), {}));
    expect(failure).toEqual({ name: 'Thrown', message: '{"code":7}' });
  });
});
