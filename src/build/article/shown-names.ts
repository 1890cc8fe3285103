/**
 * The components that are nodes of the page's notebook, read from the props they were given in the
 * MDX (the record): views show session variables (`<Result name="accuracy" />`,
 * `<Compare name="accuracy" article="0.9128" />`, `<LiveFigure source="W" />`, `<Explorer kind="test-image" />`); controls define one
 * (`<Control name="learning_rate" />`). The bake records the shown values; the page updates views
 * after each run and feeds controls' values in.
 */
import type { ArticleRecord, ComponentRecord } from './record.ts';
import { explorerNames } from '../explorers/explorer-props.ts';

type Props = ComponentRecord['props'];

/** For each component that shows variables, the props that name them. */
const SHOWN_BY: Record<string, (props: Props) => unknown[]> = {
  Result: (props) => [props['name']],
  Compare: (props) => [props['name']],
  LiveFigure: (props) => [props['source']],
  // An explorer shows a model: its weights and bias (W and b unless its props name others).
  Explorer: (props) => Object.values(explorerNames(props)),
};

/** Components whose value becomes a session variable, and that variable's name. */
const DEFINED_BY: Record<string, (props: Props) => unknown> = {
  Control: (props) => props['name'],
};

export type NodeRole = { kind: 'view'; shows: string[] } | { kind: 'control'; defines: string };

/** Whether a component is a node of the notebook, and what it shows or defines. */
export function nodeRole(component: Pick<ComponentRecord, 'name' | 'props'>): NodeRole | undefined {
  const defined = DEFINED_BY[component.name]?.(component.props);
  if (typeof defined === 'string' && defined !== '') return { kind: 'control', defines: defined };
  const shows = (SHOWN_BY[component.name]?.(component.props) ?? []).filter(
    (name): name is string => typeof name === 'string' && name !== '',
  );
  return shows.length > 0 ? { kind: 'view', shows } : undefined;
}

export function shownNames(record: Pick<ArticleRecord, 'components'>): string[] {
  const names = record.components.flatMap((component) => {
    const role = nodeRole(component);
    return role?.kind === 'view' ? role.shows : [];
  });
  return [...new Set(names)];
}
