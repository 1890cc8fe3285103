/**
 * Turns the code of one live cell into a function that runs inside the page's shared scope.
 *
 * Notebook semantics: a cell's top-level `const`, `let`, `var`, `function` and `class` declarations
 * become properties of the session scope, so the cells after it see them, and running a cell again
 * redefines them. The evaluated code reads and writes that scope through `with`, which keeps
 * closures live (a function defined in one cell sees later changes to the variables it uses), and the
 * rewrite only swaps keywords and inserts a few characters, so error positions map back exactly.
 */
import { parse, type Node, type Program, type VariableDeclaration, type Pattern } from 'acorn';
import { applyEdits, type LineColumn, type SourceEdit } from './source-map.ts';

export const SCOPE_PARAMETER = '__tffScope';
export const BUILTINS_PARAMETER = '__tffBuiltins';
/** The built-in every `await` goes through (see CellSession): `await x` runs as `await checkpoint(x)`. */
export const CHECKPOINT = 'checkpoint';

export interface CompiledCell {
  /** Source text of an async function expression `(scope, builtins) => last value`. */
  readonly source: string;
  /** The top-level names this cell declares, in order. */
  readonly declaredNames: readonly string[];
  /** True when the cell ends with an expression whose value should be shown. */
  readonly hasLastExpression: boolean;
  /** Maps a position reported for `sourceUrl` back to the cell's own code. */
  toCellPosition(position: LineColumn): LineColumn | undefined;
  /** The file name given to the evaluated code, as it appears in stack traces. */
  readonly sourceUrl: string;
  /** Every identifier the cell mentions: tells which lazily loaded globals (e.g. `mnist`) it needs. */
  readonly identifiers: ReadonlySet<string>;
  /**
   * The members the cell reads from `tf` (`tf.sequential`, `tf['layers']`, `const { data } = tf`):
   * tells which parts of TensorFlow.js loaded on demand it needs (see runtime/layers/).
   */
  readonly tfMembers: ReadonlySet<string>;
}

/** A syntax error, positioned in the cell's own code. */
export class CellSyntaxError extends SyntaxError {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = 'SyntaxError';
    this.line = line;
    this.column = column;
  }
}

export function compileCell(code: string, cellId: string): CompiledCell {
  const program = parseCell(code);
  const edits: SourceEdit[] = [];
  const declaredNames: string[] = [];
  const exportedAtStart: string[] = [];
  const body = program.body;

  body.forEach((statement, index) => {
    const isLast = index === body.length - 1;
    switch (statement.type) {
      case 'VariableDeclaration':
        rewriteVariableDeclaration(statement, edits, declaredNames);
        break;
      case 'FunctionDeclaration':
        // Block-level functions are initialised when the block is entered, so they can be
        // published to the scope before any statement of the cell runs (hoisting is kept).
        if (statement.id) {
          declaredNames.push(statement.id.name);
          exportedAtStart.push(statement.id.name);
        }
        break;
      case 'ClassDeclaration':
        if (statement.id) {
          declaredNames.push(statement.id.name);
          edits.push({ start: statement.end, end: statement.end, text: `;${SCOPE_PARAMETER}.${statement.id.name}=${statement.id.name};` });
        }
        break;
      case 'ExpressionStatement':
        if (isLast && !('directive' in statement && statement.directive)) {
          edits.push({ start: statement.expression.start, end: statement.expression.start, text: 'return (' });
          edits.push({ start: statement.expression.end, end: statement.expression.end, text: ')' });
        }
        break;
      default:
        break;
    }
  });

  // Every `await` first settles, then asks the session whether the reader pressed Stop: a cell that
  // awaits (a training loop reading its loss) stops there, and the session keeps its variables.
  for (const argument of awaitedExpressions(program)) {
    edits.push({ start: argument.start, end: argument.start, text: `${BUILTINS_PARAMETER}.${CHECKPOINT}(` });
    edits.push({ start: argument.end, end: argument.end, text: ')' });
  }

  const lastStatement = body.at(-1);
  const hasLastExpression = lastStatement?.type === 'ExpressionStatement';
  const sourceUrl = `cell-${cellId.replace(/[^\w.-]/g, '_')}.js`;
  const publishFunctions = exportedAtStart.map((name) => `${SCOPE_PARAMETER}.${name}=${name};`).join('');
  // Everything before the reader's first line stays on one line, so generated line n+1 is cell line n.
  const prefix = `(async function (${SCOPE_PARAMETER}, ${BUILTINS_PARAMETER}) { with (${BUILTINS_PARAMETER}) with (${SCOPE_PARAMETER}) { ${publishFunctions}\n`;
  const suffix = `\n}})\n//# sourceURL=${sourceUrl}`;
  const edited = applyEdits(code, edits, prefix, suffix);

  return {
    source: edited.text,
    declaredNames: [...new Set(declaredNames)],
    hasLastExpression,
    sourceUrl,
    identifiers: collectIdentifiers(program),
    tfMembers: collectMembersOf(program, TF_NAME),
    toCellPosition: (position) => edited.toOriginal(position),
  };
}

/** The argument of every `await` in the cell, nested functions included. */
function awaitedExpressions(root: Node): Node[] {
  const found: Node[] = [];
  walkNodes(root, (node) => {
    if (node.type === 'AwaitExpression') found.push((node as unknown as { argument: Node }).argument);
  });
  return found;
}

function walkNodes(root: Node, onNode: (node: Node) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
    } else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      onNode(value as Node);
      for (const [key, child] of Object.entries(value)) if (key !== 'loc' && typeof child === 'object') stack.push(child);
    }
  }
}

/** A plain walk over the syntax tree: any object with a string `type` is a node. */
function collectIdentifiers(root: Node): Set<string> {
  const names = new Set<string>();
  walkNodes(root, (node) => {
    if (node.type === 'Identifier') names.add((node as unknown as { name: string }).name);
  });
  return names;
}

/** The cells' TensorFlow.js global. */
const TF_NAME = 'tf';

/**
 * Names read from the global `owner`: `owner.name`, `owner['name']`, `owner?.name`, and the keys of
 * `const { name } = owner` (or an assignment of the same shape). A local variable that shadows
 * `owner` counts too: at worst, code that is not needed gets loaded.
 */
function collectMembersOf(root: Node, owner: string): Set<string> {
  const names = new Set<string>();
  const isOwner = (node: unknown): boolean =>
    (node as { type?: string; name?: string } | null)?.type === 'Identifier' && (node as { name: string }).name === owner;
  const addKey = (key: unknown, computed: boolean): void => {
    const node = key as { type: string; name?: string; value?: unknown };
    if (!computed && node.type === 'Identifier' && node.name !== undefined) names.add(node.name);
    else if (node.type === 'Literal' && typeof node.value === 'string') names.add(node.value);
  };
  const addPatternKeys = (pattern: unknown): void => {
    if ((pattern as { type?: string }).type !== 'ObjectPattern') return;
    for (const property of (pattern as import('acorn').ObjectPattern).properties) {
      if (property.type === 'Property') addKey(property.key, property.computed);
    }
  };
  walkNodes(root, (node) => {
    if (node.type === 'MemberExpression') {
      const member = node as import('acorn').MemberExpression;
      if (isOwner(member.object)) addKey(member.property, member.computed);
    } else if (node.type === 'VariableDeclarator') {
      const declarator = node as import('acorn').VariableDeclarator;
      if (isOwner(declarator.init)) addPatternKeys(declarator.id);
    } else if (node.type === 'AssignmentExpression') {
      const assignment = node as import('acorn').AssignmentExpression;
      if (isOwner(assignment.right)) addPatternKeys(assignment.left);
    }
  });
  return names;
}

function parseCell(code: string): Program {
  try {
    return parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowAwaitOutsideFunction: true,
      locations: true,
    });
  } catch (error) {
    if (error instanceof SyntaxError && 'loc' in error) {
      const loc = error.loc as { line: number; column: number };
      const message = error.message.replace(/\s*\(\d+:\d+\)$/, '');
      throw new CellSyntaxError(message, loc.line, loc.column + 1);
    }
    throw error;
  }
}

/**
 * `const a = 1, {b} = o;` becomes `;(    a = 1, {b} = o);` : the same columns, assignments to the
 * scope instead of declarations. A declarator without a value is reset to `undefined`.
 */
function rewriteVariableDeclaration(declaration: VariableDeclaration, edits: SourceEdit[], names: string[]): void {
  const keyword = declaration.kind;
  const keywordEnd = declaration.start + keyword.length;
  edits.push({ start: declaration.start, end: keywordEnd, text: ';(' + ' '.repeat(keyword.length - 2) });
  for (const declarator of declaration.declarations) {
    collectPatternNames(declarator.id, names);
    if (!declarator.init) edits.push({ start: declarator.id.end, end: declarator.id.end, text: ' = void 0' });
  }
  const last = declaration.declarations.at(-1);
  const end = last ? last.end : keywordEnd;
  // Inserted before the `;` (or newline) that ends the declaration.
  edits.push({ start: end, end, text: ')' });
}

function collectPatternNames(pattern: Pattern | Node, names: string[]): void {
  switch (pattern.type) {
    case 'Identifier':
      names.push((pattern as { name: string }).name);
      break;
    case 'ObjectPattern':
      for (const property of (pattern as import('acorn').ObjectPattern).properties) {
        collectPatternNames(property.type === 'RestElement' ? property.argument : property.value, names);
      }
      break;
    case 'ArrayPattern':
      for (const element of (pattern as import('acorn').ArrayPattern).elements) if (element) collectPatternNames(element, names);
      break;
    case 'RestElement':
      collectPatternNames((pattern as import('acorn').RestElement).argument, names);
      break;
    case 'AssignmentPattern':
      collectPatternNames((pattern as import('acorn').AssignmentPattern).left, names);
      break;
    default:
      break;
  }
}
