import { describe, expect, it } from 'vitest';
import { CellSyntaxError, compileCell } from '../../src/runtime/compile-cell.ts';

describe('compileCell', () => {
  it('lists the top-level names a cell declares, including destructured ones', () => {
    const compiled = compileCell(
      'const a = 1, [b, ...c] = [2];\nlet { d, e: f = 3 } = {};\nfunction g() {}\nclass H {}\nfor (let i = 0; i < 1; i++) {}',
      'x',
    );
    expect(compiled.declaredNames).toEqual(['a', 'b', 'c', 'd', 'f', 'g', 'H']);
  });

  it('reports a syntax error at the line and column of the cell', () => {
    let caught: unknown;
    try {
      compileCell('const ok = 1;\nconst broken = (1 + ;', 'x');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CellSyntaxError);
    expect(caught).toMatchObject({ line: 2, column: 21 });
  });

  it('keeps every line in place so positions map back to the cell', () => {
    const code = 'const a = 1;\nlet b;\n  a + b';
    const compiled = compileCell(code, 'x');
    // The generated body starts on line 2; "a + b" is on cell line 3 after `return (`.
    const generatedLines = compiled.source.split('\n');
    expect(generatedLines[3]).toContain('return (a + b)');
    const column = (generatedLines[3] ?? '').indexOf('a + b') + 1;
    expect(compiled.toCellPosition({ line: 4, column })).toEqual({ line: 3, column: 3 });
  });

  it('marks whether the cell ends with an expression to show', () => {
    expect(compileCell('1 + 1', 'x').hasLastExpression).toBe(true);
    expect(compileCell('const a = 1', 'x').hasLastExpression).toBe(false);
    expect(compileCell('', 'x').hasLastExpression).toBe(false);
  });

  it('names the evaluated code after the cell so stack traces can be traced back', () => {
    expect(compileCell('1', 'soft<max>').source).toMatch(/\/\/# sourceURL=cell-soft_max_\.js$/);
  });
});
