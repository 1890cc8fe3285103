/** The edition: where the article comes from, its links, the article's numbers beside the reader's, translation notices. */
import { defineMessages } from '../define-messages.ts';

export default defineMessages({
  fr: {
    'edition.about': 'À propos de cette édition',
    'edition.published': 'Billet original publié le {date}.',
    'edition.revised': 'Dernière révision de cette édition : {date}.',
    'edition.compare': '{reader} — l’article : {article}',
    'edition.compareDifference': '{reader} — l’article : {article} (écart : {difference})',
    'edition.link': ' (lien de {year})',
    'edition.linkGone': ' (lien de {year} : cette page n’existe plus)',
    'edition.linkGoneNow': ' (lien de {year} : cette page n’existe plus ; {now})',
    'edition.linkNow': 'l’équivalent aujourd’hui',
    'edition.insert': 'Ajout de l’édition, pas de l’auteur',
    'edition.insertBrackets': '[{text}]',
    'edition.behind': 'Cette section traduit une version antérieure du texte français, qui a changé depuis. {link}',
    'edition.behindLink': 'Lire la section française à jour',
    'edition.pixel':
      'Le pixel {pixel} (ligne {row}, colonne {column}, en comptant à partir de 0), encadré : noir dans ce « {darkLabel} » (valeur {darkValue}), vide dans ce « {blankLabel} » (valeur {blankValue}).',
    'edition.pixelMark': 'Le pixel {pixel} est encadré.',
  },
  en: {
    'edition.about': 'About this edition',
    'edition.published': 'Original post published on {date}.',
    'edition.revised': 'This edition last revised on {date}.',
    'edition.compare': '{reader} — the article: {article}',
    'edition.compareDifference': '{reader} — the article: {article} (difference: {difference})',
    'edition.link': ' ({year} link)',
    'edition.linkGone': ' ({year} link: this page no longer exists)',
    'edition.linkGoneNow': ' ({year} link: this page no longer exists; {now})',
    'edition.linkNow': 'today’s equivalent',
    'edition.insert': 'Added by the editors, not by the author',
    'edition.insertBrackets': '[{text}]',
    'edition.behind': 'This section translates an earlier version of the French text, which has changed since. {link}',
    'edition.behindLink': 'Read the current French section',
    'edition.pixel':
      'Pixel {pixel} (row {row}, column {column}, counting from 0), outlined: dark in this “{darkLabel}” (value {darkValue}), blank in this “{blankLabel}” (value {blankValue}).',
    'edition.pixelMark': 'Pixel {pixel} is outlined.',
  },
  ja: {
    'edition.about': 'この版について',
    'edition.published': '元の記事の公開日：{date}',
    'edition.revised': 'この版の最終改訂日：{date}',
    'edition.compare': '{reader}（記事では{article}）',
    'edition.compareDifference': '{reader}（記事では{article}、差は{difference}）',
    'edition.link': '（{year}年のリンク）',
    'edition.linkGone': '（{year}年のリンク。このページは現在ありません）',
    'edition.linkGoneNow': '（{year}年のリンク。このページは現在ありません。{now}）',
    'edition.linkNow': '現在の該当ページ',
    'edition.insert': '著者ではなく編集部による補足',
    'edition.insertBrackets': '〔{text}〕',
    'edition.behind': 'この節は、フランス語版の以前の文章を訳したものです。フランス語版はその後更新されています。{link}',
    'edition.behindLink': '最新のフランス語版のこの節を読む',
    'edition.pixel':
      '枠で囲んだのがピクセル{pixel}（0から数えて{row}行目・{column}列目）です。この「{darkLabel}」では黒く（値は{darkValue}）、この「{blankLabel}」では空白です（値は{blankValue}）。',
    'edition.pixelMark': 'ピクセル{pixel}を枠で囲んでいます。',
  },
});
