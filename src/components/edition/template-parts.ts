/**
 * A message cut at its placeholders, so that a component can put an element (a live value, a date)
 * where the translation places it: "{reader} — l’article : {article}" puts the reader's value
 * first in French, "{reader}（記事では{article}）" keeps the article's inside brackets in Japanese.
 */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string };

export function templateParts(template: string): TemplatePart[] {
  return template
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return name ? { kind: 'placeholder', name } : { kind: 'text', text: piece };
    });
}
