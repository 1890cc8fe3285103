/**
 * The build's trained models for the explorers, one small file each (src/explorables/model-asset.ts),
 * named by content: every explorer of every published article that sees the build's W and b gets
 * the file of that model; the three translations of an article share it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { render } from 'astro:content';
import { bakeContext } from 'virtual:tf-facile/bake-context';
import { getPublishedArticles } from '../../build/content/articles.ts';
import { recordFromFrontmatter } from '../../build/article/record.ts';
import { articleOutputs } from '../../build/bake/outputs-store.ts';
import { pageNotebook } from '../../build/article/page-notebook.ts';
import { bakedModel } from '../../build/explorers/baked-model.ts';
import { explorerNames } from '../../build/explorers/explorer-props.ts';

export const getStaticPaths = (async () => {
  const files = new Map<string, Uint8Array>();
  for (const article of await getPublishedArticles()) {
    const { remarkPluginFrontmatter } = await render(article.entry);
    const record = recordFromFrontmatter(remarkPluginFrontmatter);
    if (!record) continue;
    const notebook = pageNotebook(record, await articleOutputs(record, bakeContext));
    for (const component of record.components) {
      if (component.name !== 'Explorer' || !component.node) continue;
      const model = bakedModel(notebook, component.node, explorerNames(component.props));
      if (model) files.set(model.fileName, model.bytes);
    }
  }
  return [...files].map(([fileName, bytes]) => ({ params: { model: fileName.replace(/\.bin$/, '') }, props: { bytes } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { bytes: Uint8Array<ArrayBuffer> }).bytes, { headers: { 'content-type': 'application/octet-stream' } });
