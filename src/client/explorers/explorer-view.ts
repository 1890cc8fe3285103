/**
 * Explorers as views of the page's notebook (views.ts): each shows a model, W and b, as the node
 * above it left them. This part is in the page's first script, so it stays small: it records which
 * model an explorer shows (the build's, a run's, a training cell's values as it goes) and whether
 * that is out of date; the explorers' own code loads when one comes near the screen (mount.ts) and
 * follows this state through an ExplorerChannel.
 */
import type { QueryValue, ResultValue } from '../../runtime/protocol.ts';
import type { Translate } from '../ui-strings.ts';
import { markStale, type LiveFrame, type View } from '../views.ts';

/** What an explorer needs from the page session. */
export interface ExplorerHost {
  expectedStamp(node: string, name: string): string | undefined;
  heldKey(name: string, stamp: string): string | undefined;
  query(program: string, args: unknown, values: QueryValue[]): Promise<unknown>;
  /** Starts the worker ahead of the first question. */
  warmUp(): void;
}

/** The model an explorer shows. */
export type ExplorerModel =
  /** The build's trained W and b (the page's model file): before any run. */
  | { kind: 'build' }
  /** A run of this session: the stamp and values of each name it made (others stay the build's). */
  | { kind: 'session'; stamps: Partial<Record<string, string>>; values: Record<string, ResultValue> }
  /** Nothing to show: the build has no value (in `astro dev`, say) and nothing ran. */
  | { kind: 'none' };

export interface ExplorerState {
  model: ExplorerModel;
  stale: boolean;
  /** While a cell trains the model: its values every few steps; `stopped` once that run ended without values. */
  training?: (LiveFrame & { stopped?: boolean }) | undefined;
}

/** Model file layout (src/explorables/model-asset.ts): W [784, 10] from value 0, then b [10]. */
const ASSET_LAYOUT = { weights: { offset: 0, shape: [784, 10] }, bias: { offset: 7840, shape: [10] } };

export class ExplorerChannel {
  readonly element: HTMLElement;
  readonly node: string;
  /** The names of the model's weights and bias in the session (W and b in the article). */
  readonly weights: string;
  readonly bias: string;
  /** The build's model file, if the build had a model to write. */
  readonly modelUrl: string | undefined;
  #state: ExplorerState;
  readonly #listeners = new Set<() => void>();

  constructor(element: HTMLElement, node: string) {
    this.element = element;
    this.node = node;
    this.weights = element.dataset['weights'] || 'W';
    this.bias = element.dataset['bias'] || 'b';
    const url = element.dataset['modelUrl'];
    this.modelUrl = url ? new URL(url, location.href).href : undefined;
    this.#state = { model: this.modelUrl ? { kind: 'build' } : { kind: 'none' }, stale: false };
  }

  get state(): ExplorerState {
    return this.#state;
  }

  get names(): [string, string] {
    return [this.weights, this.bias];
  }

  update(change: Partial<ExplorerState>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): void {
    this.#listeners.add(listener);
  }

  /**
   * What to ask the worker for, for the model shown: each name from the run that made it (while
   * the session holds that value) or from the build's file. Undefined when it is gone.
   */
  queryValues(host: ExplorerHost): QueryValue[] | undefined {
    const model = this.#state.model;
    const values: QueryValue[] = [];
    for (const [name, layout] of [
      [this.weights, ASSET_LAYOUT.weights],
      [this.bias, ASSET_LAYOUT.bias],
    ] as const) {
      const stamp = model.kind === 'session' ? model.stamps[name] : undefined;
      if (stamp !== undefined) {
        const key = host.heldKey(name, stamp);
        if (key === undefined) return undefined;
        values.push({ name, key });
      } else if (this.modelUrl && model.kind !== 'none') {
        values.push({ name, asset: { url: this.modelUrl, offset: layout.offset, shape: [...layout.shape] } });
      } else {
        return undefined;
      }
    }
    return values;
  }
}

const channels = new WeakMap<HTMLElement, ExplorerChannel>();

export function channelOf(element: HTMLElement): ExplorerChannel | undefined {
  return channels.get(element);
}

export function explorerView(element: HTMLElement, t: Translate, host: ExplorerHost): View | undefined {
  const node = element.dataset['node'];
  if (!node) return undefined;
  const channel = new ExplorerChannel(element, node);
  channels.set(element, channel);
  return {
    node,
    element,
    names: channel.names,
    show(results) {
      const previous = channel.state.model;
      const stamps: Partial<Record<string, string>> = previous.kind === 'session' ? { ...previous.stamps } : {};
      const values: Record<string, ResultValue> = previous.kind === 'session' ? { ...previous.values } : {};
      for (const name of channel.names) {
        const stamp = host.expectedStamp(node, name);
        const value = results[name];
        if (stamp === undefined || !value) continue;
        stamps[name] = stamp;
        values[name] = value;
      }
      channel.update({ model: { kind: 'session', stamps, values }, training: undefined });
    },
    live(frame) {
      const training = channel.state.training;
      if (frame) channel.update({ training: frame });
      else if (training) channel.update({ training: { ...training, stopped: true } });
    },
    setStale(stale) {
      markStale(element, stale, t);
      if (channel.state.stale !== stale) channel.update({ stale });
    },
  };
}
