import { describe, expect, it } from 'vitest';
import { errorHeadline, hintFor } from '../../src/runtime/explain-error.ts';

describe('the error under a cell', () => {
  it('never doubles the error’s name when the message already starts with it', () => {
    expect(errorHeadline('Error', 'Error in matMul: inner shapes (784) and (10) of Tensors must match')).toBe(
      'Error in matMul: inner shapes (784) and (10) of Tensors must match',
    );
    expect(errorHeadline('TypeError', 'TypeError: x is not a function')).toBe('TypeError: x is not a function');
    expect(errorHeadline('Error', 'stop here')).toBe('Error: stop here');
    expect(errorHeadline('ReferenceError', 'Errors is not defined')).toBe('ReferenceError: Errors is not defined');
  });

  it('explains a syntax error in the code, but not JSON.parse’s', () => {
    expect(hintFor({ name: 'SyntaxError', message: 'Unexpected token (2:17)' })).toBe('syntax');
    expect(hintFor({ name: 'SyntaxError', message: 'Unexpected token } in JSON at position 3' })).toBeUndefined();
  });

  it('keeps a failure’s own hint, and reads the others from the message', () => {
    expect(hintFor({ name: 'LoadError', message: 'offline', hint: 'loadFailed' })).toBe('loadFailed');
    expect(hintFor({ name: 'ReferenceError', message: 'W is not defined' })).toBe('notDefined');
  });
});
