/**
 * Groups what reads as one unit, after the fences became components (remark-live-cells.ts):
 *
 *   *The weights W*          (an italic-only paragraph: the original post's title of the block)
 *   <OriginalCode … />       (```python original)
 *   <LiveCell … />           (the ```js live fence right after it)
 *     -> <CodePair><figcaption>The weights W</figcaption><OriginalCode/><LiveCell/></CodePair>
 *
 *   <LiveFigure … />  then  *A caption.*   (an italic-only paragraph right after a figure)
 *     -> <figure class="article-figure"><LiveFigure/><figcaption>A caption.</figcaption></figure>
 *
 * Authors keep writing plain Markdown; the layout does the rest. Nothing is recorded here: the
 * record (cells, originals, components) is the plugin's, taken before this runs.
 */
import type { Paragraph, Parent, PhrasingContent, RootContent } from 'mdast';

interface JsxElementLike {
  type: 'mdxJsxFlowElement';
  name: string | null;
  attributes: Array<{ type: 'mdxJsxAttribute'; name: string; value: string }>;
  children: unknown[];
}

function isJsx(node: unknown, name: string): boolean {
  const element = node as Partial<JsxElementLike> | undefined;
  return element?.type === 'mdxJsxFlowElement' && element.name === name;
}

/** The text of a paragraph that is all emphasis, e.g. `*The weights W*`; undefined otherwise. */
function italicTitle(node: unknown): PhrasingContent[] | undefined {
  const paragraph = node as Partial<Paragraph> | undefined;
  if (paragraph?.type !== 'paragraph' || paragraph.children?.length !== 1) return undefined;
  const [only] = paragraph.children;
  return only?.type === 'emphasis' ? only.children : undefined;
}

function element(name: string, attributes: Record<string, string>, children: unknown[]): RootContent {
  const jsx: JsxElementLike = {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([attributeName, value]) => ({ type: 'mdxJsxAttribute', name: attributeName, value })),
    children,
  };
  return jsx as unknown as RootContent;
}

function groupChildren(parent: Parent): void {
  const children = parent.children as RootContent[];
  const grouped: RootContent[] = [];
  const made = new Set<RootContent>();
  for (let index = 0; index < children.length; index++) {
    const node = children[index];
    if (!node) continue;
    const next = children[index + 1];
    if (isJsx(node, 'OriginalCode') && isJsx(next, 'LiveCell') && next) {
      const title = italicTitle(grouped.at(-1));
      if (title) grouped.pop();
      const caption = title ? [element('figcaption', { class: 'code-pair__caption' }, title)] : [];
      grouped.push(element('CodePair', {}, [...caption, node, next]));
      made.add(grouped.at(-1) as RootContent);
      index += 1;
      continue;
    }
    const caption = italicTitle(next);
    if (isJsx(node, 'LiveFigure') && caption) {
      grouped.push(
        element('figure', { class: 'article-figure' }, [node, element('figcaption', { class: 'article-figure__caption' }, caption)]),
      );
      index += 1;
      continue;
    }
    grouped.push(node);
  }
  parent.children = grouped as Parent['children'];
  // The groups just made hold nothing more to group.
  for (const child of grouped) if (!made.has(child) && 'children' in child && Array.isArray(child.children)) groupChildren(child as Parent);
}

export function groupPairsAndFigures(tree: Parent): void {
  groupChildren(tree);
}
