/**
 * What the remark plugin learns about an article while it compiles it (remark-live-cells.ts): its
 * live cells, its original code, its components and its sections, in page order. This record is the one reading
 * of an article's MDX: the page hands it to the bake, and the parity tests and translation tools
 * get it from the same plugin (read-article.ts). Nothing else parses MDX.
 */
export interface CellRecord {
  id: string;
  code: string;
  /** 1-based line of the opening fence in the MDX file. */
  line: number;
}

export interface OriginalRecord {
  lang: string;
  code: string;
  line: number;
}

/** A prop as written: a string, or the value of a `{...}` expression when it is plain JSON. */
export type PropValue = string | number | boolean | null;

export interface ComponentRecord {
  name: string;
  props: Record<string, PropValue>;
  line: number;
  /**
   * For components that are nodes of the notebook (they show or define a session variable): their
   * node id, also given to the component as its `node` prop so the page can find it.
   */
  node?: string;
}

/**
 * A section of the article: the text under one `##` heading, down to the next one (its `###`
 * subsections included), or the text before the first heading. Translations are tracked per section.
 */
export interface SectionRecord {
  /** The heading's text; '' for the text before the first `##` heading. */
  title: string;
  /** 1-based line of the heading (of the first line of text for the one before any heading). */
  line: number;
  /** A hash of the section's source text (section-hash.ts): changes whenever the section's text does. */
  hash: string;
}

export interface ArticleRecord {
  /** `fr/mnist-softmax` for content/articles/fr/mnist-softmax.mdx. */
  article: string;
  file: string;
  cells: CellRecord[];
  originals: OriginalRecord[];
  /** Every JSX element of the prose (Result, LiveFigure, EditorNote...), nested ones included. */
  components: ComponentRecord[];
  /** The sections, in page order, the text before the first `##` heading first. */
  sections: SectionRecord[];
}

/** Where the plugin leaves the record: Astro hands it to the page as remarkPluginFrontmatter. */
export const RECORD_KEY = 'liveArticle';

export function recordFromFrontmatter(frontmatter: Record<string, unknown> | undefined): ArticleRecord | undefined {
  const record = frontmatter?.[RECORD_KEY];
  return record && typeof record === 'object' ? (record as ArticleRecord) : undefined;
}

/** `.../content/articles/fr/demo.mdx` -> `fr/demo`. */
export function articleIdFromPath(path: string | undefined): string | undefined {
  return /content[\\/]articles[\\/]([^\\/]+)[\\/]([^\\/]+)\.mdx$/
    .exec(path ?? '')
    ?.slice(1, 3)
    .join('/');
}
