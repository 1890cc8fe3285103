import { describe, expect, it } from 'vitest';
import { checkJapaneseFont } from '../../scripts/support/find-japanese-font.ts';

describe('the browser tests’ Japanese font check', () => {
  it('stops with the package to install when fontconfig knows no Japanese font', () => {
    expect(() => checkJapaneseFont(() => '\n')).toThrow(/fonts-noto-cjk/);
  });

  it('lets the tests run when a Japanese font is there', () => {
    expect(() => checkJapaneseFont(() => 'Noto Sans CJK JP,Noto Sans CJK JP Regular\n')).not.toThrow();
  });

  it('does not ask machines without fontconfig (macOS, Windows ship Japanese fonts)', () => {
    expect(() => checkJapaneseFont(() => undefined)).not.toThrow();
  });
});
