/**
 * Runs one compiled cell against the session scope and reports failures in the cell's own
 * coordinates. Pure: no DOM, no worker API, so the same code runs in the browser and in Node.
 */
import { CellSyntaxError, CHECKPOINT, compileCell, type CompiledCell } from './compile-cell.ts';
import { explainError, type ErrorHint } from './explain-error.ts';

/** The variables shared by the cells of one page. No prototype, so `toString` is not a variable. */
export type SessionScope = Record<string, unknown>;

export function createSessionScope(): SessionScope {
  return Object.create(null) as SessionScope;
}

export interface CellFailure {
  /** `SyntaxError`, `TypeError`, `Error`... or `Thrown` for a value that is not an Error. */
  readonly name: string;
  readonly message: string;
  /** 1-based line and column in the cell's code, when known. */
  readonly line?: number;
  readonly column?: number;
  /** A key of a short explanation in the page's language, for common mistakes. */
  readonly hint?: ErrorHint;
}

/** Thrown by `executeCell`: the reader's error, already positioned. */
export class CellError extends Error {
  readonly failure: CellFailure;
  constructor(failure: CellFailure) {
    super(failure.message);
    this.name = failure.name;
    this.failure = failure;
  }
}

export interface CellResult {
  /** The value of the cell's last expression, when it ends with one. */
  readonly value: unknown;
  readonly hasValue: boolean;
  readonly declaredNames: readonly string[];
}

/**
 * V8 keeps 10 frames by default; a TensorFlow.js error on WebGL can be 15 frames deep before it
 * reaches the reader's line, and without that frame we cannot say where the error is.
 */
const STACK_FRAMES_NEEDED = 100;

type CellFunction = (scope: SessionScope, builtins: Record<string, unknown>) => Promise<unknown>;

/** Compiles a cell, reporting a syntax error as a positioned CellError. */
export function compileOrFail(code: string, cellId: string): CompiledCell {
  try {
    return compileCell(code, cellId);
  } catch (error) {
    if (error instanceof CellSyntaxError) {
      throw new CellError({ name: 'SyntaxError', message: error.message, line: error.line, column: error.column });
    }
    throw error;
  }
}

export async function executeCell(
  code: string | CompiledCell,
  cellId: string,
  scope: SessionScope,
  builtins: Record<string, unknown>,
): Promise<CellResult> {
  const compiled = typeof code === 'string' ? compileOrFail(code, cellId) : code;
  for (const name of compiled.declaredNames) if (!(name in scope)) scope[name] = undefined;

  const errorConstructor = Error as { stackTraceLimit?: number };
  if ((errorConstructor.stackTraceLimit ?? Infinity) < STACK_FRAMES_NEEDED) errorConstructor.stackTraceLimit = STACK_FRAMES_NEEDED;
  // Every `await` goes through the checkpoint built-in; without a session to stop it, it is a no-op.
  const nullPrototypeBuiltins = Object.assign(
    Object.create(null) as Record<string, unknown>,
    { [CHECKPOINT]: (value: unknown) => value },
    builtins,
  );
  try {
    // Indirect eval: global scope, sloppy mode (needed for `with`), and a sourceURL we can find in stacks.
    const cellFunction = (0, eval)(compiled.source) as CellFunction;
    let value = await cellFunction(scope, nullPrototypeBuiltins);
    if (isPromiseLike(value)) value = await value;
    return { value, hasValue: compiled.hasLastExpression && value !== undefined, declaredNames: compiled.declaredNames };
  } catch (error) {
    throw new CellError(describeFailure(error, compiled));
  }
}

/** What went wrong, positioned in `compiled` when the error's stack passes through it. */
export function describeFailure(error: unknown, compiled: CompiledCell | undefined): CellFailure {
  if (!(error instanceof Error)) {
    return { name: 'Thrown', message: describeThrownValue(error) };
  }
  const position = compiled ? locateInStack(error.stack ?? '', compiled) : undefined;
  const hint = explainError(error.message);
  return {
    name: error.name || 'Error',
    message: error.message,
    ...(position ?? {}),
    ...(hint ? { hint } : {}),
  };
}

function locateInStack(stack: string, compiled: CompiledCell): { line: number; column: number } | undefined {
  const escaped = compiled.sourceUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  return compiled.toCellPosition({ line: Number(match[1]), column: Number(match[2]) });
}

/** The id of the cell whose code appears first in a stack trace (see compileCell's sourceURL). */
export function cellIdInStack(stack: string, knownCellIds: Iterable<string>): string | undefined {
  let first: { index: number; id: string } | undefined;
  for (const id of knownCellIds) {
    const index = stack.indexOf(`cell-${id.replace(/[^\w.-]/g, '_')}.js:`);
    if (index >= 0 && (!first || index < first.index)) first = { index, id };
  }
  return first?.id;
}

function describeThrownValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
