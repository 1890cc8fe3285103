/**
 * Figures drawn from the session's variables, and the variable each one reads by default (the
 * names the article's cells use). `<LiveFigure kind="softmax-bars" source="y_0" />` overrides it.
 */
export const SESSION_FIGURE_SOURCES = {
  'weights-heatmaps': 'W',
  'softmax-bars': 'y_0',
} as const;

export type SessionFigureKind = keyof typeof SESSION_FIGURE_SOURCES;

/**
 * The variables an article's prose shows, from its components as listed by extractComponents:
 * `Result name="accuracy"` and `LiveFigure kind="weights-heatmaps"`.
 */
export function shownVariables(components: readonly string[]): string[] {
  const names = components.flatMap((component) => {
    const result = /^Result name="([^"]+)"/.exec(component);
    if (result?.[1]) return [result[1]];
    const figure = /^LiveFigure kind="([^"]+)"/.exec(component);
    if (!figure?.[1] || !(figure[1] in SESSION_FIGURE_SOURCES)) return [];
    return [/\bsource="([^"]+)"/.exec(component)?.[1] ?? SESSION_FIGURE_SOURCES[figure[1] as SessionFigureKind]];
  });
  return [...new Set(names)];
}
