/** Errors under a cell, and the one-line explanations of common mistakes. */
import { defineMessages } from '../define-messages.ts';

export default defineMessages({
  fr: {
    'error.at': 'ligne {line}, colonne {column}',
    'error.hint.shapeMismatch':
      'Les formes (shape) des tenseurs ne sont pas compatibles : pour matMul, le nombre de colonnes du premier doit égaler le nombre de lignes du second.',
    'error.hint.notDefined': 'Ce nom n’existe pas encore : faute de frappe, ou cellule précédente pas encore exécutée ?',
    'error.hint.disposedTensor': 'Ce tenseur a été libéré (dispose ou tf.tidy) : recalculez-le avant de l’utiliser.',
    'error.hint.dtypeMismatch': 'Les types (dtype) ne correspondent pas : convertissez avec tf.cast(x, "float32").',
    'error.hint.notAFunction':
      'Ce que vous appelez n’est pas une fonction : vérifiez le nom de l’opération dans la documentation de TensorFlow.js.',
    'error.hint.loadFailed':
      'Les données n’ont pas pu être chargées. Vérifiez la connexion, puis relancez la cellule (bouton Exécuter) pour réessayer.',
    'error.hint.codeLoadFailed':
      'Cette partie de TensorFlow.js n’a pas pu être téléchargée. Vérifiez la connexion, puis relancez la cellule (bouton Exécuter) pour réessayer.',
  },
  en: {
    'error.at': 'line {line}, column {column}',
    'error.hint.shapeMismatch':
      'The tensors’ shapes do not fit: for matMul, the first one’s number of columns must equal the second one’s number of rows.',
    'error.hint.notDefined': 'This name does not exist yet: a typo, or an earlier cell that has not run?',
    'error.hint.disposedTensor': 'This tensor was freed (dispose or tf.tidy): compute it again before using it.',
    'error.hint.dtypeMismatch': 'The dtypes do not match: convert with tf.cast(x, "float32").',
    'error.hint.notAFunction': 'What you call is not a function: check the operation’s name in the TensorFlow.js documentation.',
    'error.hint.loadFailed': 'The data could not be loaded. Check the connection, then run the cell again (Run button) to retry.',
    'error.hint.codeLoadFailed':
      'This part of TensorFlow.js could not be downloaded. Check the connection, then run the cell again (Run button) to retry.',
  },
  ja: {
    'error.at': '{line} 行目、{column} 列目',
    'error.hint.shapeMismatch': 'テンソルの形（shape）が合っていません。matMul では、1つ目の列数と2つ目の行数が同じでなければなりません。',
    'error.hint.notDefined': 'この名前はまだ定義されていません。タイプミスか、前のセルをまだ実行していないのかもしれません。',
    'error.hint.disposedTensor': 'このテンソルは解放済みです（dispose または tf.tidy）。使う前にもう一度計算してください。',
    'error.hint.dtypeMismatch': 'dtype が一致しません。tf.cast(x, "float32") で変換してください。',
    'error.hint.notAFunction': '呼び出そうとしたものは関数ではありません。TensorFlow.js のドキュメントで演算の名前を確かめてください。',
    'error.hint.loadFailed': 'データを読み込めませんでした。接続を確かめてから、セルをもう一度実行（実行ボタン）して再試行してください。',
    'error.hint.codeLoadFailed':
      'TensorFlow.jsのこの部分をダウンロードできませんでした。接続を確かめてから、セルをもう一度実行（実行ボタン）して再試行してください。',
  },
});
