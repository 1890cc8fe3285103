/**
 * Tables scroll inside themselves on a narrow column (base.css): a region that scrolls must be
 * reachable from the keyboard, so each table of the prose is a Tab stop (axe: scrollable-region-focusable).
 */
import type { Root, RootContent } from 'mdast';

export function remarkScrollableTables() {
  return (tree: Root): void => {
    const visit = (node: Root | RootContent): void => {
      if (node.type === 'table') {
        // hProperties: what mdast-util-to-hast (remark-rehype) copies onto the <table> element.
        const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
        data.hProperties = { ...data.hProperties, tabIndex: 0 };
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}
