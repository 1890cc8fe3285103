import { describe, expect, it } from 'vitest';
import { analyzeCell } from '../../src/runtime/notebook/analyze-cell.ts';

const sorted = (names: readonly string[]) => [...names].sort();

describe('analyzeCell: what a cell defines and reads', () => {
  it('lists top-level declarations of every kind, destructured ones included', () => {
    const analysis = analyzeCell('const a = 1, [b, ...c] = [2];\nlet { d, e: f = 3 } = {};\nvar g;\nfunction h() {}\nclass K {}');
    expect(sorted(analysis.defines)).toEqual(['K', 'a', 'b', 'c', 'd', 'f', 'g', 'h']);
  });

  it('reads the free names, not properties, keys, locals or parameters', () => {
    const analysis = analyzeCell(
      [
        'const y = tf.softmax(tf.add(tf.matMul(x, W), b));',
        'const o = { mnist: 1, [key]: 2 };',
        'obj.mnist.train;',
        'function f(x, { z } = defaults) { const local = z; return local + x + outer; }',
        'try { risky(); } catch (error) { print(error); }',
        'for (const item of list) print(item);',
        'label: for (;;) { break label; }',
      ].join('\n'),
    );
    expect(sorted(analysis.reads)).toEqual(['W', 'b', 'defaults', 'key', 'list', 'obj', 'outer', 'print', 'risky', 'tf', 'x']);
  });

  it('does not count a name the cell declares itself as a read, wherever it is used', () => {
    const analysis = analyzeCell('print(later);\nconst later = 1;\nfunction g() { return later; }');
    expect(analysis.reads).toEqual(['print']);
  });

  it('respects shadowing in blocks and functions', () => {
    const analysis = analyzeCell('{ const W = 1; print(W); }\nfunction f() { let b = 2; return b; }\n(() => { var x = 3; return x; })();');
    expect(sorted(analysis.reads)).toEqual(['print']);
  });

  it('sees names used inside closures and top-level await', () => {
    const analysis = analyzeCell('const data = await load();\nsetTimeout(() => print(W), 10);');
    expect(sorted(analysis.reads)).toEqual(['W', 'load', 'print', 'setTimeout']);
  });

  it('records assignments to names it does not declare as writes', () => {
    const analysis = analyzeCell('count += 1;\ntotal = 0;\n[first] = pair;\nlocal++;\nlet own = 1;\nown = 2;');
    expect(sorted(analysis.writes)).toEqual(['count', 'first', 'local', 'total']);
    expect(sorted(analysis.reads)).toEqual(['count', 'local', 'pair']);
  });

  it('lists what each top-level function uses, so a call from another cell reads it too', () => {
    const analysis = analyzeCell(
      'function model(x) { return tf.softmax(tf.add(tf.matMul(x, W), b)); }\nconst loss = (x, y) => tf.sum(tf.mul(y, tf.log(model(x))));',
    );
    expect(sorted(analysis.functions['model'] ?? [])).toEqual(['W', 'b', 'tf']);
    expect(sorted(analysis.functions['loss'] ?? [])).toEqual(['model', 'tf']);
  });

  it('throws a syntax error for code that does not parse', () => {
    expect(() => analyzeCell('const broken = (;')).toThrow(SyntaxError);
  });
});
