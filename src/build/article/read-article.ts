/**
 * The article record of an MDX file outside of Astro (tests, `npm run translations`): the same
 * remark plugin Astro runs, on the same Markdown dialect (MDX, GFM, math), so both read articles
 * the same way.
 */
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import { remarkLiveCells } from './remark-live-cells.ts';
import { recordFromFrontmatter, type ArticleRecord } from './record.ts';

const FRONTMATTER = /^---\n[\s\S]*?\n---\n/;

export function readArticleText(text: string, path: string): ArticleRecord {
  // Front matter is YAML that Astro strips before MDX sees it; keep its lines so positions match.
  const body = text.replace(FRONTMATTER, (block) => '\n'.repeat(block.split('\n').length - 1));
  const file = new VFile({ path, value: body, data: { astro: { frontmatter: {} } } });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).use(remarkLiveCells);
  processor.runSync(processor.parse(file), file);
  const record = recordFromFrontmatter((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter);
  if (!record) throw new Error(`${path}: the live-cells plugin left no record`);
  return record;
}

export function readArticle(path: string): ArticleRecord {
  return readArticleText(readFileSync(path, 'utf8'), path);
}
