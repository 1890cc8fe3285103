/** The notebook: what a cell uses and what uses it, what it waits for, controls, out-of-date values. */
import { defineMessages } from '../define-messages.ts';

export default defineMessages({
  fr: {
    'deps.uses': 'utilise',
    'deps.usedBy': 'utilisé par',
    'deps.from': 'de',
    'deps.label': 'Dépendances de la cellule {id}',
    'cell.blockedBy': 'Pas exécutée : elle dépend de la cellule {id}, en erreur.',
    'cell.waitingRun': 'La valeur d’un réglage a changé : exécutez cette cellule pour en tenir compte.',
    'control.default': 'Valeur de l’article : {value}',
    'control.changed': 'Nouvelle valeur : {value}. Les cellules qui l’utilisent sont à relancer.',
    'stale.value': 'périmé',
    'session.activity.running': 'Cellule {position} sur {count} en cours : {label}',
    'stale.title': 'Cette valeur ne correspond plus au code : exécutez les cellules dont elle dépend.',
  },
  en: {
    'deps.uses': 'uses',
    'deps.usedBy': 'used by',
    'deps.from': 'from',
    'deps.label': 'Dependencies of cell {id}',
    'cell.blockedBy': 'Not run: it depends on cell {id}, which failed.',
    'cell.waitingRun': 'A control changed: run this cell to use its new value.',
    'control.default': 'The article’s value: {value}',
    'control.changed': 'New value: {value}. The cells that use it need to run again.',
    'stale.value': 'out of date',
    'session.activity.running': 'Running cell {position} of {count}: {label}',
    'stale.title': 'This value no longer matches the code: run the cells it depends on.',
  },
  ja: {
    'deps.uses': '使う値',
    'deps.usedBy': '使うセル',
    'deps.from': '出どころ',
    'deps.label': 'セル {id} の依存関係',
    'cell.blockedBy': '実行していません：エラーになったセル {id} に依存しています。',
    'cell.waitingRun': '設定値が変わりました。新しい値を使うには、このセルを実行してください。',
    'control.default': '記事の値：{value}',
    'control.changed': '新しい値：{value}。この値を使うセルは再実行が必要です。',
    'stale.value': '古い値',
    'session.activity.running': 'セル {position} / {count} を実行中：{label}',
    'stale.title': 'この値は今のコードと一致しません。依存するセルを実行してください。',
  },
});
