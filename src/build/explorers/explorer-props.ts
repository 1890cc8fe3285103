/**
 * The props of `<Explorer kind="..." />` that say what it shows: the names of the model's weights
 * and bias in the session (W and b unless told otherwise), for the notebook (shown-names.ts), the
 * component and the build's model files alike.
 */
import type { PropValue } from '../article/record.ts';
import type { ExplorerNames } from './baked-model.ts';

export const EXPLORER_KINDS = ['test-image', 'draw', 'pixel'] as const;
export type ExplorerKind = (typeof EXPLORER_KINDS)[number];

export function explorerNames(props: Readonly<Record<string, PropValue | undefined>>): ExplorerNames {
  const name = (value: PropValue | undefined, fallback: string): string => (typeof value === 'string' && value !== '' ? value : fallback);
  return { weights: name(props['weights'], 'W'), bias: name(props['bias'], 'b') };
}
