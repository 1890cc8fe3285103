/**
 * The session variables an article shows outside its cells, read from the props its components
 * were given in the MDX (the record): `<Result name="accuracy" />`, `<Compare name="accuracy" article="0.9128" />`,
 * `<LiveFigure source="W" />`.
 * The bake records their values; the page updates them after each run.
 */
import type { ArticleRecord, ComponentRecord } from './record.ts';

/** For each component that shows variables, the props that name them. */
const SHOWN_BY: Record<string, (props: ComponentRecord['props']) => unknown[]> = {
  Result: (props) => [props['name']],
  Compare: (props) => [props['name']],
  LiveFigure: (props) => [props['source']],
};

export function shownNames(record: Pick<ArticleRecord, 'components'>): string[] {
  const names = record.components.flatMap((component) => SHOWN_BY[component.name]?.(component.props) ?? []);
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name !== ''))];
}
