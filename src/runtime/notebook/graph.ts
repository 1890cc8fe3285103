/**
 * The page's dependency graph: which node provides each name a node uses.
 *
 * Nodes are the page's cells, controls and views (inline values, figures, explorers), in page
 * order. The rule is the one a reader follows when reading top to bottom: a node sees each name as
 * the nearest node above it that defines or writes that name left it. So a cell depends on the
 * providers of the names it reads, of the names it writes (it changes their value from somewhere),
 * and of the names read by the functions it calls (`cross_entropy(...)` reads `W` when it runs).
 * A name that no node above provides (`tf`, `print`, `mnist`) is a built-in, not a dependency.
 */
export type NodeKind = 'cell' | 'control' | 'view';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  defines: readonly string[];
  reads: readonly string[];
  /** Names it assigns or changes without defining them (static assignments and run-time writes). */
  writes: readonly string[];
  /** Top-level functions it defines, with the names each one uses. */
  functions?: Readonly<Record<string, readonly string[]>>;
}

export class DependencyGraph {
  readonly nodes: readonly GraphNode[];
  readonly #index = new Map<string, number>();
  readonly #inputs = new Map<string, Map<string, string>>();

  constructor(nodes: readonly GraphNode[]) {
    this.nodes = nodes;
    nodes.forEach((node, index) => {
      if (this.#index.has(node.id)) throw new Error(`Duplicate node id: ${node.id}`);
      this.#index.set(node.id, index);
    });
  }

  node(id: string): GraphNode {
    const index = this.#index.get(id);
    if (index === undefined) throw new Error(`Unknown node: ${id}`);
    return this.nodes[index] as GraphNode;
  }

  has(id: string): boolean {
    return this.#index.has(id);
  }

  position(id: string): number {
    const index = this.#index.get(id);
    if (index === undefined) throw new Error(`Unknown node: ${id}`);
    return index;
  }

  /** The nearest node above `id` that defines or writes `name`. */
  providerOf(id: string, name: string): string | undefined {
    for (let index = this.position(id) - 1; index >= 0; index--) {
      const node = this.nodes[index] as GraphNode;
      if (node.defines.includes(name) || node.writes.includes(name)) return node.id;
    }
    return undefined;
  }

  /** Each name the node needs from above, with the node that provides it. */
  inputsOf(id: string): ReadonlyMap<string, string> {
    let inputs = this.#inputs.get(id);
    if (inputs) return inputs;
    inputs = new Map();
    const node = this.node(id);
    const pending = [...node.reads, ...node.writes];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const name = pending.pop() as string;
      if (seen.has(name) || node.defines.includes(name)) continue;
      seen.add(name);
      const provider = this.providerOf(id, name);
      if (provider === undefined) continue;
      inputs.set(name, provider);
      // Calling a function another node defined reads what that function reads, at call time.
      const used = this.node(provider).functions?.[name];
      if (used) pending.push(...used);
    }
    this.#inputs.set(id, inputs);
    return inputs;
  }

  /** The nodes `id` depends on directly, in page order. */
  providersOf(id: string): string[] {
    return this.#inPageOrder(new Set(this.inputsOf(id).values()));
  }

  /** `id` and everything it depends on, transitively, in page order. */
  closureOf(id: string): string[] {
    const found = new Set<string>([id]);
    const pending = [id];
    while (pending.length > 0) {
      for (const provider of this.providersOf(pending.pop() as string)) {
        if (!found.has(provider)) {
          found.add(provider);
          pending.push(provider);
        }
      }
    }
    return this.#inPageOrder(found);
  }

  /** The nodes that use what `id` provides, directly, in page order. */
  dependentsOf(id: string): string[] {
    return this.nodes.filter((node) => [...this.inputsOf(node.id).values()].includes(id)).map((node) => node.id);
  }

  /** `id`'s dependents, transitively, in page order (without `id`). */
  downstreamOf(id: string): string[] {
    const found = new Set<string>();
    const pending = [id];
    while (pending.length > 0) {
      for (const dependent of this.dependentsOf(pending.pop() as string)) {
        if (!found.has(dependent)) {
          found.add(dependent);
          pending.push(dependent);
        }
      }
    }
    return this.#inPageOrder(found);
  }

  /** The names `id` leaves for the nodes below it. */
  outputsOf(id: string): string[] {
    const node = this.node(id);
    return [...new Set([...node.defines, ...node.writes])];
  }

  /** How many nodes define or write `name`: more than one means its value changes down the page. */
  producerCount(name: string): number {
    return this.nodes.filter((node) => node.defines.includes(name) || node.writes.includes(name)).length;
  }

  #inPageOrder(ids: Iterable<string>): string[] {
    return [...ids].sort((a, b) => this.position(a) - this.position(b));
  }
}
