/**
 * Remark plugin: turns the two kinds of fenced code an author writes into components.
 *
 *   ```js live id=softmax      -> <LiveCell id="softmax" lang="js" code="..." />   (editable, runnable)
 *   ```python original         -> <OriginalCode lang="python" code="..." />          (static, labelled)
 *
 * Authors write plain Markdown; all behaviour lives in the components and the client.
 */

import type { Code, Parent, Root, RootContent } from 'mdast';

interface VFileLike {
  path?: string;
}

export interface FenceMeta {
  live: boolean;
  original: boolean;
  id?: string;
}

const CELL_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const RUNNABLE_LANGS = new Set(['js', 'javascript']);

/** Reads `live id=softmax` or `original` from a fence's info string. */
export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const words = (meta ?? '').trim().split(/\s+/).filter(Boolean);
  const result: FenceMeta = { live: words.includes('live'), original: words.includes('original') };
  const idWord = words.find((word) => word.startsWith('id='));
  if (idWord) result.id = idWord.slice(3).replace(/^["']|["']$/g, '');
  return result;
}

/** `.../content/articles/fr/demo.mdx` -> `fr/demo`: how build-time outputs find their article. */
export function articleIdFromPath(path: string | undefined): string | undefined {
  return /content[\\/]articles[\\/]([^\\/]+)[\\/]([^\\/]+)\.mdx$/
    .exec(path ?? '')
    ?.slice(1, 3)
    .join('/');
}

export function remarkLiveCells() {
  return (tree: Root, file: VFileLike): void => {
    const seenIds = new Map<string, number>();
    const article = articleIdFromPath(file.path);
    const articleAttribute = article ? { article } : {};
    const where = (node: Code): string => `${file.path ?? 'MDX file'}:${node.position?.start.line ?? '?'}`;

    const visit = (parent: Parent): void => {
      const children = parent.children;
      children.forEach((node, index) => {
        const element: unknown = node;
        if (isArticleAwareElement(element) && article) {
          element.attributes.push({ type: 'mdxJsxAttribute', name: 'article', value: article });
        }
        if (node.type !== 'code') {
          if ('children' in node) visit(node);
          return;
        }
        const meta = parseFenceMeta(node.meta);
        const lang = node.lang ?? '';
        const code = node.value;
        if (meta.live) {
          if (!RUNNABLE_LANGS.has(lang))
            throw new Error(`${where(node)}: a live cell must be JavaScript (\`\`\`js live id=...), not "${lang}".`);
          const id = meta.id;
          if (!id || !CELL_ID_PATTERN.test(id)) {
            throw new Error(
              `${where(node)}: a live cell needs an id of lowercase letters, digits and dashes, e.g. \`\`\`js live id=softmax`,
            );
          }
          const previous = seenIds.get(id);
          if (previous !== undefined) throw new Error(`${where(node)}: the cell id "${id}" is already used on line ${previous}.`);
          seenIds.set(id, node.position?.start.line ?? 0);
          children[index] = jsxElement('LiveCell', { id, lang: 'javascript', code, ...articleAttribute });
        } else if (meta.original) {
          children[index] = jsxElement('OriginalCode', { lang: lang || 'text', code });
        }
      });
    };
    visit(tree);
  };
}

interface MdxJsxElementLike {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: 'mdxJsxAttribute'; name: string; value: string }>;
}

/** Components that show values computed by the article's cells, and so need to know the article. */
const ARTICLE_AWARE_COMPONENTS = new Set(['Result', 'LiveFigure']);

function isArticleAwareElement(node: unknown): node is MdxJsxElementLike {
  const element = node as Partial<MdxJsxElementLike>;
  return (element.type === 'mdxJsxFlowElement' || element.type === 'mdxJsxTextElement') && ARTICLE_AWARE_COMPONENTS.has(element.name ?? '');
}

/** An MDX JSX element node (mdast-util-mdx-jsx), built by hand to avoid a dependency for one shape. */
function jsxElement(name: string, attributes: Record<string, string>): RootContent {
  const mdxAttributes = Object.entries(attributes).map(([attributeName, value]) => ({
    type: 'mdxJsxAttribute',
    name: attributeName,
    value,
  }));
  return { type: 'mdxJsxFlowElement', name, attributes: mdxAttributes, children: [] } as unknown as RootContent;
}
