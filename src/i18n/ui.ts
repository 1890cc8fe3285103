/**
 * Every string of the interface, per locale, as flat keys. Placeholders look like {name}.
 * A unit test checks that all locales have the same keys and placeholders.
 */
import type { Locale } from './locales.ts';

const fr = {
  'site.name': 'tf-facile',
  'site.tagline': 'TensorFlow, expliqué simplement, exécuté dans votre navigateur',
  'nav.languages': 'Langues',
  'nav.home': 'Accueil',
  'home.title': 'tf-facile : des articles TensorFlow que l’on exécute',
  'home.intro': 'Chaque bloc de code de ces articles s’exécute dans votre navigateur avec TensorFlow.js : modifiez-le, relancez-le.',
  'home.articles': 'Articles',
  'home.readIn': 'Lire en français',
  'article.translations': 'Cet article dans d’autres langues',
  'cell.label': 'Cellule vivante · JavaScript',
  'cell.run': 'Exécuter',
  'cell.run.title': 'Exécuter cette cellule (Maj+Entrée ou Ctrl+Entrée)',
  'cell.stop': 'Arrêter',
  'cell.stop.title': 'Arrêter l’exécution (la session redémarre)',
  'cell.reset': 'Rétablir',
  'cell.reset.title': 'Rétablir le code d’origine de cette cellule',
  'cell.modified': 'modifié',
  'cell.editor': 'Code de la cellule {id}',
  'cell.output': 'Sortie de la cellule {id}',
  'cell.state.idle': '',
  'cell.state.queued': 'en attente…',
  'cell.state.running': 'en cours…',
  'cell.state.done': 'terminé',
  'cell.state.error': 'erreur',
  'cell.state.stale': 'à relancer',
  'cell.stopped': 'Arrêté. Les variables de la session ont été effacées : relancez les cellules pour continuer.',
  'original.label': 'Code original de l’article (Python, TensorFlow 0.x, 2016)',
  'error.at': 'ligne {line}, colonne {column}',
  'error.hint.shapeMismatch':
    'Les formes (shape) des tenseurs ne sont pas compatibles : pour matMul, le nombre de colonnes du premier doit égaler le nombre de lignes du second.',
  'error.hint.notDefined': 'Ce nom n’existe pas encore : faute de frappe, ou cellule précédente pas encore exécutée ?',
  'error.hint.disposedTensor': 'Ce tenseur a été libéré (dispose ou tf.tidy) : recalculez-le avant de l’utiliser.',
  'error.hint.dtypeMismatch': 'Les types (dtype) ne correspondent pas : convertissez avec tf.cast(x, "float32").',
  'error.hint.notAFunction':
    'Ce que vous appelez n’est pas une fonction : vérifiez le nom de l’opération dans la documentation de TensorFlow.js.',
  'session.runAll': 'Tout exécuter',
  'session.runAll.title': 'Exécuter toutes les cellules dans l’ordre de la page',
  'session.backend': 'Moteur :',
  'session.backend.none': 'pas encore démarré',
  'session.backend.starting': 'démarrage…',
  'session.backend.fallback': 'WebGL n’est pas disponible ici ({reason}) : les cellules tournent sur {backend}, plus lentement.',
  'session.fatal': 'La session n’a pas pu démarrer : {message}',
  'editorNote.label': 'Note de la rédaction',
} as const;

export type UiKey = keyof typeof fr;
export type UiStrings = Record<UiKey, string>;

const en: UiStrings = {
  'site.name': 'tf-facile',
  'site.tagline': 'TensorFlow, explained simply, running in your browser',
  'nav.languages': 'Languages',
  'nav.home': 'Home',
  'home.title': 'tf-facile: TensorFlow articles you can run',
  'home.intro': 'Every code block of these articles runs in your browser with TensorFlow.js: edit it, run it again.',
  'home.articles': 'Articles',
  'home.readIn': 'Read in English',
  'article.translations': 'This article in other languages',
  'cell.label': 'Live cell · JavaScript',
  'cell.run': 'Run',
  'cell.run.title': 'Run this cell (Shift+Enter or Ctrl+Enter)',
  'cell.stop': 'Stop',
  'cell.stop.title': 'Stop running (the session restarts)',
  'cell.reset': 'Reset',
  'cell.reset.title': 'Restore the original code of this cell',
  'cell.modified': 'modified',
  'cell.editor': 'Code of cell {id}',
  'cell.output': 'Output of cell {id}',
  'cell.state.idle': '',
  'cell.state.queued': 'queued…',
  'cell.state.running': 'running…',
  'cell.state.done': 'done',
  'cell.state.error': 'error',
  'cell.state.stale': 'needs a re-run',
  'cell.stopped': 'Stopped. The session’s variables were cleared: run the cells again to continue.',
  'original.label': 'The article’s original code (Python, TensorFlow 0.x, 2016)',
  'error.at': 'line {line}, column {column}',
  'error.hint.shapeMismatch':
    'The tensors’ shapes do not fit: for matMul, the first one’s number of columns must equal the second one’s number of rows.',
  'error.hint.notDefined': 'This name does not exist yet: a typo, or an earlier cell that has not run?',
  'error.hint.disposedTensor': 'This tensor was freed (dispose or tf.tidy): compute it again before using it.',
  'error.hint.dtypeMismatch': 'The dtypes do not match: convert with tf.cast(x, "float32").',
  'error.hint.notAFunction': 'What you call is not a function: check the operation’s name in the TensorFlow.js documentation.',
  'session.runAll': 'Run all',
  'session.runAll.title': 'Run every cell in page order',
  'session.backend': 'Backend:',
  'session.backend.none': 'not started yet',
  'session.backend.starting': 'starting…',
  'session.backend.fallback': 'WebGL is not available here ({reason}): cells run on {backend}, more slowly.',
  'session.fatal': 'The session could not start: {message}',
  'editorNote.label': 'Editor’s note',
};

const ja: UiStrings = {
  'site.name': 'tf-facile',
  'site.tagline': 'TensorFlow をやさしく解説、ブラウザでそのまま実行',
  'nav.languages': '言語',
  'nav.home': 'ホーム',
  'home.title': 'tf-facile：実行できる TensorFlow の記事',
  'home.intro': 'この記事のコードブロックは、すべてブラウザ上の TensorFlow.js で実行できます。書き換えて、もう一度実行してみてください。',
  'home.articles': '記事',
  'home.readIn': '日本語で読む',
  'article.translations': 'この記事の他の言語版',
  'cell.label': 'ライブセル · JavaScript',
  'cell.run': '実行',
  'cell.run.title': 'このセルを実行（Shift+Enter または Ctrl+Enter）',
  'cell.stop': '停止',
  'cell.stop.title': '実行を止める（セッションは再起動します）',
  'cell.reset': '元に戻す',
  'cell.reset.title': 'このセルのコードを元に戻す',
  'cell.modified': '変更あり',
  'cell.editor': 'セル {id} のコード',
  'cell.output': 'セル {id} の出力',
  'cell.state.idle': '',
  'cell.state.queued': '待機中…',
  'cell.state.running': '実行中…',
  'cell.state.done': '完了',
  'cell.state.error': 'エラー',
  'cell.state.stale': '再実行が必要',
  'cell.stopped': '停止しました。セッションの変数は消去されたので、続けるにはセルをもう一度実行してください。',
  'original.label': '元記事のコード（Python、TensorFlow 0.x、2016年）',
  'error.at': '{line} 行目、{column} 列目',
  'error.hint.shapeMismatch': 'テンソルの形（shape）が合っていません。matMul では、1つ目の列数と2つ目の行数が同じでなければなりません。',
  'error.hint.notDefined': 'この名前はまだ定義されていません。タイプミスか、前のセルをまだ実行していないのかもしれません。',
  'error.hint.disposedTensor': 'このテンソルは解放済みです（dispose または tf.tidy）。使う前にもう一度計算してください。',
  'error.hint.dtypeMismatch': 'dtype が一致しません。tf.cast(x, "float32") で変換してください。',
  'error.hint.notAFunction': '呼び出そうとしたものは関数ではありません。TensorFlow.js のドキュメントで演算の名前を確かめてください。',
  'session.runAll': 'すべて実行',
  'session.runAll.title': 'ページの順にすべてのセルを実行',
  'session.backend': 'バックエンド：',
  'session.backend.none': '未起動',
  'session.backend.starting': '起動中…',
  'session.backend.fallback': 'ここでは WebGL が使えません（{reason}）。セルは {backend} で動くため、遅くなります。',
  'session.fatal': 'セッションを起動できませんでした：{message}',
  'editorNote.label': '編集部注',
};

export const UI: Record<Locale, UiStrings> = { fr, en, ja };

/** The strings of one locale with `{placeholder}` filling. */
export function translator(locale: Locale): (key: UiKey, values?: Record<string, string | number>) => string {
  const strings = UI[locale];
  return (key, values = {}) => fillPlaceholders(strings[key], values);
}

export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
