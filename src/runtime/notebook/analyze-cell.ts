/**
 * What a cell's code defines and reads, from the code alone: the static half of the notebook's
 * dependency graph (the other half, writes that happen at run time, comes from the session).
 *
 * - `defines`: the top-level names the cell declares (`const`, `let`, `var`, `function`, `class`).
 * - `reads`: the names the cell uses without declaring them anywhere in its own code, scope-aware:
 *   `obj.mnist`, `{ mnist: 1 }`, a parameter or a local `x` are not reads of a top-level name.
 * - `writes`: free names the cell assigns (`W = ...`, `count++`): a variable another cell defined.
 * - `functions`: for each top-level function the cell defines, the names its body uses that are not
 *   its own locals (top-level names of the cell included), so that calling it from another cell
 *   reads, through the call, what the function reads.
 *
 * Deliberately not followed: `eval`, `with`, `globalThis.x` (never a cell variable), and names
 * reached through another name's properties.
 */
import { parse, type Node } from 'acorn';

export interface CellAnalysis {
  defines: string[];
  reads: string[];
  writes: string[];
  functions: Record<string, string[]>;
}

interface Scope {
  names: Set<string>;
  parent: Scope | undefined;
  /** The top-level function this scope belongs to, if any. */
  owner: string | undefined;
}

type AnyNode = Node & Record<string, unknown>;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function analyzeCell(code: string): CellAnalysis {
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true }) as unknown as AnyNode;
  const top: Scope = { names: new Set(), parent: undefined, owner: undefined };
  const body = program['body'] as AnyNode[];
  declareHoisted(body, top, top);
  for (const statement of body) declareLexical(statement, top);

  const reads = new Set<string>();
  const writes = new Set<string>();
  const functions: Record<string, Set<string>> = {};
  const topFunctions = topLevelFunctions(body);

  const reference = (name: string, scope: Scope, kind: { read: boolean; write: boolean }): void => {
    let where: Scope | undefined = scope;
    while (where && !where.names.has(name)) where = where.parent;
    if (where && where !== top) return; // a local of some function or block
    if (scope.owner !== undefined) (functions[scope.owner] ??= new Set()).add(name);
    if (where === top) return; // the cell's own top-level name
    if (kind.read) reads.add(name);
    if (kind.write) writes.add(name);
  };

  const visitPattern = (pattern: AnyNode, scope: Scope, kind: { read: boolean; write: boolean }): void => {
    switch (pattern.type) {
      case 'Identifier':
        reference(pattern['name'] as string, scope, kind);
        return;
      case 'MemberExpression':
        visit(pattern, scope);
        return;
      case 'ObjectPattern':
        for (const property of pattern['properties'] as AnyNode[]) {
          if (property.type === 'RestElement') visitPattern(property['argument'] as AnyNode, scope, kind);
          else {
            if (property['computed']) visit(property['key'] as AnyNode, scope);
            visitPattern(property['value'] as AnyNode, scope, kind);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern['elements'] as (AnyNode | null)[]) if (element) visitPattern(element, scope, kind);
        return;
      case 'RestElement':
        visitPattern(pattern['argument'] as AnyNode, scope, kind);
        return;
      case 'AssignmentPattern':
        visitPattern(pattern['left'] as AnyNode, scope, kind);
        visit(pattern['right'] as AnyNode, scope);
        return;
      default:
        visit(pattern, scope);
    }
  };

  const visitFunction = (node: AnyNode, scope: Scope): void => {
    const owner = scope.owner ?? (scope === top ? topFunctions.get(node) : undefined);
    const inner: Scope = { names: new Set(), parent: scope, owner };
    const id = node['id'] as AnyNode | null;
    // A function expression's own name is visible inside it only.
    if (id && node.type === 'FunctionExpression') inner.names.add(id['name'] as string);
    for (const param of node['params'] as AnyNode[]) collectNames(param, inner.names);
    const fnBody = node['body'] as AnyNode;
    if (fnBody.type === 'BlockStatement') {
      const statements = fnBody['body'] as AnyNode[];
      declareHoisted(statements, inner, inner);
      for (const statement of statements) declareLexical(statement, inner);
      for (const param of node['params'] as AnyNode[]) visitDefaults(param, inner);
      for (const statement of statements) visit(statement, inner);
    } else {
      for (const param of node['params'] as AnyNode[]) visitDefaults(param, inner);
      visit(fnBody, inner);
    }
  };

  /** Default values and computed keys inside parameters are expressions of the function's scope. */
  const visitDefaults = (param: AnyNode, scope: Scope): void => {
    if (param.type === 'AssignmentPattern') {
      visitDefaults(param['left'] as AnyNode, scope);
      visit(param['right'] as AnyNode, scope);
    } else if (param.type === 'ObjectPattern') {
      for (const property of param['properties'] as AnyNode[]) {
        if (property.type === 'RestElement') continue;
        if (property['computed']) visit(property['key'] as AnyNode, scope);
        visitDefaults(property['value'] as AnyNode, scope);
      }
    } else if (param.type === 'ArrayPattern') {
      for (const element of param['elements'] as (AnyNode | null)[]) if (element) visitDefaults(element, scope);
    }
  };

  const visitBlock = (statements: AnyNode[], scope: Scope): void => {
    const inner: Scope = { names: new Set(), parent: scope, owner: scope.owner };
    for (const statement of statements) declareLexical(statement, inner);
    for (const statement of statements) visit(statement, inner);
  };

  const visit = (node: AnyNode | null | undefined, scope: Scope): void => {
    if (!node) return;
    switch (node.type) {
      case 'Identifier':
        reference(node['name'] as string, scope, { read: true, write: false });
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        visitFunction(node, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression': {
        visit(node['superClass'] as AnyNode | null, scope);
        const inner: Scope = {
          names: new Set(),
          parent: scope,
          owner: scope.owner ?? (scope === top ? topFunctions.get(node) : undefined),
        };
        const id = node['id'] as AnyNode | null;
        if (id && node.type === 'ClassExpression') inner.names.add(id['name'] as string);
        visit(node['body'] as AnyNode, inner);
        return;
      }
      case 'MethodDefinition':
      case 'PropertyDefinition':
        if (node['computed']) visit(node['key'] as AnyNode, scope);
        visit(node['value'] as AnyNode | null, scope);
        return;
      case 'Property':
        if (node['computed']) visit(node['key'] as AnyNode, scope);
        visit(node['value'] as AnyNode, scope);
        return;
      case 'MemberExpression':
        visit(node['object'] as AnyNode, scope);
        if (node['computed']) visit(node['property'] as AnyNode, scope);
        return;
      case 'VariableDeclaration':
        for (const declarator of node['declarations'] as AnyNode[]) {
          visitDefaults(declarator['id'] as AnyNode, scope);
          visit(declarator['init'] as AnyNode | null, scope);
        }
        return;
      case 'AssignmentExpression': {
        const compound = node['operator'] !== '=';
        visitPattern(node['left'] as AnyNode, scope, { read: compound, write: true });
        visit(node['right'] as AnyNode, scope);
        return;
      }
      case 'UpdateExpression':
        visitPattern(node['argument'] as AnyNode, scope, { read: true, write: true });
        return;
      case 'BlockStatement':
        visitBlock(node['body'] as AnyNode[], scope);
        return;
      case 'StaticBlock':
        visitBlock(node['body'] as AnyNode[], scope);
        return;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        const inner: Scope = { names: new Set(), parent: scope, owner: scope.owner };
        const head = (node['init'] ?? node['left']) as AnyNode | null;
        if (head?.type === 'VariableDeclaration' && head['kind'] !== 'var') {
          for (const declarator of head['declarations'] as AnyNode[]) collectNames(declarator['id'] as AnyNode, inner.names);
        }
        if (head && head.type !== 'VariableDeclaration') visitPattern(head, inner, { read: false, write: node.type !== 'ForStatement' });
        else visit(head, inner);
        for (const key of ['test', 'update', 'right', 'body']) visit(node[key] as AnyNode | null, inner);
        return;
      }
      case 'CatchClause': {
        const inner: Scope = { names: new Set(), parent: scope, owner: scope.owner };
        const param = node['param'] as AnyNode | null;
        if (param) collectNames(param, inner.names);
        visit(node['body'] as AnyNode, inner);
        return;
      }
      case 'LabeledStatement':
        visit(node['body'] as AnyNode, scope);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
        return;
      default:
        for (const [key, child] of Object.entries(node)) {
          if (key === 'type' || key === 'start' || key === 'end' || key === 'loc') continue;
          if (Array.isArray(child)) for (const item of child) visitChild(item, scope);
          else visitChild(child, scope);
        }
    }
  };

  const visitChild = (value: unknown, scope: Scope): void => {
    if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') visit(value as AnyNode, scope);
  };

  for (const statement of body) visit(statement, top);

  return {
    defines: [...top.names],
    reads: [...reads],
    writes: [...writes],
    functions: Object.fromEntries(Object.entries(functions).map(([name, used]) => [name, [...used].filter((used) => used !== name)])),
  };
}

/** `var` declarations (through nested blocks, not nested functions) and function declarations. */
function declareHoisted(statements: AnyNode[], scope: Scope, functionScope: Scope): void {
  const walk = (node: AnyNode | null | undefined, topLevel: boolean): void => {
    if (!node || typeof node !== 'object') return;
    if (FUNCTION_TYPES.has(node.type)) {
      if (node.type === 'FunctionDeclaration' && topLevel && node['id']) scope.names.add((node['id'] as AnyNode)['name'] as string);
      return;
    }
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return;
    if (node.type === 'VariableDeclaration' && node['kind'] === 'var') {
      for (const declarator of node['declarations'] as AnyNode[]) collectNames(declarator['id'] as AnyNode, functionScope.names);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'type' || key === 'loc') continue;
      if (Array.isArray(child)) for (const item of child) walk(item as AnyNode, false);
      else if (child && typeof child === 'object') walk(child as AnyNode, false);
    }
  };
  for (const statement of statements) walk(statement, true);
}

/** `let`, `const`, `class` and (in blocks) function declarations of a block's own statements. */
function declareLexical(statement: AnyNode, scope: Scope): void {
  if (statement.type === 'VariableDeclaration' && statement['kind'] !== 'var') {
    for (const declarator of statement['declarations'] as AnyNode[]) collectNames(declarator['id'] as AnyNode, scope.names);
  } else if ((statement.type === 'ClassDeclaration' || statement.type === 'FunctionDeclaration') && statement['id']) {
    scope.names.add((statement['id'] as AnyNode)['name'] as string);
  }
}

function collectNames(pattern: AnyNode, names: Set<string>): void {
  switch (pattern.type) {
    case 'Identifier':
      names.add(pattern['name'] as string);
      return;
    case 'ObjectPattern':
      for (const property of pattern['properties'] as AnyNode[]) {
        collectNames((property.type === 'RestElement' ? property['argument'] : property['value']) as AnyNode, names);
      }
      return;
    case 'ArrayPattern':
      for (const element of pattern['elements'] as (AnyNode | null)[]) if (element) collectNames(element, names);
      return;
    case 'RestElement':
      collectNames(pattern['argument'] as AnyNode, names);
      return;
    case 'AssignmentPattern':
      collectNames(pattern['left'] as AnyNode, names);
      return;
    default:
      return;
  }
}

/**
 * Top-level functions by node: `function f() {}`, and `const f = () => ...` / `= function () {}`
 * (what a reader calls a function defined in a cell).
 */
function topLevelFunctions(body: AnyNode[]): Map<AnyNode, string> {
  const functions = new Map<AnyNode, string>();
  for (const statement of body) {
    if (statement.type === 'FunctionDeclaration' && statement['id'])
      functions.set(statement, (statement['id'] as AnyNode)['name'] as string);
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement['declarations'] as AnyNode[]) {
        const id = declarator['id'] as AnyNode;
        const init = declarator['init'] as AnyNode | null;
        if (id.type === 'Identifier' && init && (FUNCTION_TYPES.has(init.type) || init.type === 'ClassExpression')) {
          functions.set(init, id['name'] as string);
        }
      }
    }
    if (statement.type === 'ClassDeclaration' && statement['id']) functions.set(statement, (statement['id'] as AnyNode)['name'] as string);
  }
  return functions;
}
