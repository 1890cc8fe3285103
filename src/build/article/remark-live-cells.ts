/**
 * Remark plugin: turns the two kinds of fenced code an author writes into components, and records
 * what the article holds (record.ts) for the build steps that need it.
 *
 *   ```js live id=softmax      -> <LiveCell id="softmax" lang="javascript" code="..." />   (editable, runnable)
 *   ```python original         -> <OriginalCode lang="python" code="..." />               (static, labelled)
 *
 * Authors write plain Markdown; all behaviour lives in the components and the client.
 */
import type { Code, Heading, Parent, Root, RootContent } from 'mdast';
import { sectionHash } from '../translations/section-hash.ts';
import { groupPairsAndFigures } from './group-figures.ts';
import { articleIdFromPath, RECORD_KEY, type ArticleRecord, type ComponentRecord, type PropValue, type SectionRecord } from './record.ts';
import { nodeRole } from './shown-names.ts';

interface VFileLike {
  path?: string;
  /** The MDX source the tree was parsed from: sections are hashed on their text. */
  value?: unknown;
  data: { astro?: { frontmatter?: Record<string, unknown> } } & Record<string, unknown>;
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

export function remarkLiveCells() {
  return (tree: Root, file: VFileLike): void => {
    const path = file.path ?? 'MDX file';
    const record: ArticleRecord = {
      article: articleIdFromPath(file.path) ?? path,
      file: path,
      cells: [],
      originals: [],
      components: [],
      sections: [],
    };
    const seenIds = new Map<string, number>();
    const where = (node: Code): string => `${path}:${node.position?.start.line ?? '?'}`;

    const visit = (parent: Parent): void => {
      parent.children.forEach((node, index) => {
        const element = asJsxElement(node);
        if (element?.name) {
          const component = componentRecord(element, node.position?.start.line ?? 0);
          const role = nodeRole(component);
          if (role) {
            // The page finds the node's element by this id (the component renders it as data-node).
            component.node = `${role.kind}-${record.components.filter((other) => other.node).length + 1}`;
            element.attributes.push({ type: 'mdxJsxAttribute', name: 'node', value: component.node });
          }
          record.components.push(component);
        }
        if (node.type !== 'code') {
          if ('children' in node) visit(node);
          return;
        }
        const meta = parseFenceMeta(node.meta);
        const lang = node.lang ?? '';
        const line = node.position?.start.line ?? 0;
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
          seenIds.set(id, line);
          record.cells.push({ id, code: node.value, line });
          parent.children[index] = jsxElement('LiveCell', { id, lang: 'javascript', code: node.value });
        } else if (meta.original) {
          record.originals.push({ lang: lang || 'text', code: node.value, line });
          parent.children[index] = jsxElement('OriginalCode', { lang: lang || 'text', code: node.value });
        }
      });
    };
    // Sections are read before the fences become components, while every node has its position.
    record.sections = sectionsOf(tree, typeof file.value === 'string' ? file.value : String(file.value ?? ''));
    visit(tree);
    // After the record: an original and its live cell become one pair, a figure takes its caption.
    groupPairsAndFigures(tree);
    const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
    (astro.frontmatter ??= {})[RECORD_KEY] = record;
  };
}

interface MdxJsxAttributeLike {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

interface MdxJsxElementLike {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: MdxJsxAttributeLike[];
}

function asJsxElement(node: unknown): MdxJsxElementLike | undefined {
  const element = node as Partial<MdxJsxElementLike>;
  return element.type === 'mdxJsxFlowElement' || element.type === 'mdxJsxTextElement' ? (element as MdxJsxElementLike) : undefined;
}

/** The element's props as written: `name="x"` a string, `index={0}` the number 0, `grid` true. */
function componentRecord(element: MdxJsxElementLike, line: number): ComponentRecord {
  const props: Record<string, PropValue> = {};
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    const value = attribute.value;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else props[attribute.name] = jsonOrText(value.value);
  }
  return { name: element.name ?? '', props, line };
}

function jsonOrText(expression: string): PropValue {
  try {
    const value: unknown = JSON.parse(expression);
    return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as PropValue) : expression;
  } catch {
    return expression.trim();
  }
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

/**
 * The article cut at its `##` headings: the text before the first one, then each heading with
 * everything down to the next. Each section is hashed on its source text, exactly as written.
 */
function sectionsOf(tree: Root, source: string): SectionRecord[] {
  const offsetOf = (node: RootContent): number => node.position?.start.offset ?? 0;
  // Front matter is not part of any section (Astro strips it; a yaml node would be skipped).
  const first = tree.children.find((node) => (node.type as string) !== 'yaml');
  const starts: Array<{ title: string; line: number; offset: number }> = [
    { title: '', line: first?.position?.start.line ?? 1, offset: first ? offsetOf(first) : 0 },
  ];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      starts.push({ title: plainText(node), line: node.position?.start.line ?? 0, offset: offsetOf(node) });
    }
  }
  return starts.map((start, index) => {
    const end = starts[index + 1]?.offset ?? source.length;
    return { title: start.title, line: start.line, hash: sectionHash(source.slice(start.offset, end)) };
  });
}

/** A heading's text as the reader sees it: text, inline code and math, without markup. */
function plainText(node: Heading | RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map((child) => plainText(child as RootContent)).join('') : '';
}
