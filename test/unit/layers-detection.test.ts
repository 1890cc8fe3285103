/**
 * Which cells make the session load the layers API (runtime/layers/api-names.ts): those that read
 * one of its names from `tf`, and no other. The article's own cells must never load it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@tensorflow/tfjs-core';
import * as layers from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { compileCell } from '../../src/runtime/compile-cell.ts';
import { LAYERS_API_NAMES, needsLayersApi } from '../../src/runtime/layers/api-names.ts';
import { readArticle } from '../../src/build/article/read-article.ts';

const needs = (code: string) => needsLayersApi(compileCell(code, 'x').tfMembers);

describe('the members a cell reads from tf', () => {
  it('come from dotted and bracketed reads, optional chains and destructuring', () => {
    const code =
      "tf.matMul(a, b);\ntf['sequential']();\ntf?.data;\nconst { layers, train: t } = tf;\nlet m;\n({ model: m } = tf);\nx.tf.input;";
    expect([...compileCell(code, 'x').tfMembers].sort()).toEqual(['data', 'layers', 'matMul', 'model', 'sequential', 'train']);
  });
});

describe('a cell needs the layers API', () => {
  it('when it reads a layers or data member from tf', () => {
    expect(needs('const m = tf.sequential();')).toBe(true);
    expect(needs("const d = tf['data'].array([1, 2]);")).toBe(true);
    expect(needs('const { layers } = tf;')).toBe(true);
    expect(needs('const m = tf.model({ inputs, outputs });')).toBe(true);
    expect(needs("await tf.loadLayersModel('indexeddb://m');")).toBe(true);
    expect(needs('const callbacks = tf.fitCallbacks();')).toBe(true);
  });

  it('not for core members, nor for the same names elsewhere', () => {
    // tf.losses is core's (the article's safe-loss cell uses it); layers adds nothing to it.
    expect(needs('tf.losses.softmaxCrossEntropy(y_, logits);')).toBe(false);
    // The article's train cell defines a function called model; data, layers are plain names here.
    expect(needs('function model(x) { return tf.softmax(x); }\nmodel(x);\nconst data = [1];\nlayers.length;')).toBe(false);
    expect(needs('keras_model.fit(xs, ys); history.sequential;')).toBe(false);
  });

  it('for the appendix cell keras only, in every article of every language', () => {
    const dir = join(import.meta.dirname, '../../content/articles');
    const using: string[] = [];
    for (const locale of readdirSync(dir)) {
      for (const file of readdirSync(join(dir, locale))) {
        for (const cell of readArticle(join(dir, locale, file)).cells) if (needs(cell.code)) using.push(`${locale}/${file}#${cell.id}`);
      }
    }
    expect(using.sort()).toEqual(['en/mnist-softmax.mdx#keras', 'fr/mnist-softmax.mdx#keras', 'ja/mnist-softmax.mdx#keras']);
  });
});

describe('the names of the layers API', () => {
  it('are what @tensorflow/tfjs-layers exports, the data namespace and fitCallbacks, none of them core’s', () => {
    const exported = Object.keys(layers).filter((name) => !name.startsWith('_') && name !== 'default');
    expect([...LAYERS_API_NAMES].sort()).toEqual([...exported, 'data', 'fitCallbacks'].sort());
    expect(LAYERS_API_NAMES.filter((name) => name in core)).toEqual([]);
  });
});
