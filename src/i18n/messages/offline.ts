/** Working offline: the notices of the service worker's life (src/client/offline*.ts). */
import { defineMessages } from '../define-messages.ts';

export default defineMessages({
  fr: {
    'offline.ready':
      'Ce site fonctionne désormais hors connexion : les pages que vous ouvrez restent lisibles sans réseau, et leurs cellules s’exécutent avec les données MNIST déjà téléchargées.',
    'offline.update': 'Une nouvelle version du site a été publiée : elle s’affichera à la prochaine page que vous ouvrirez.',
    'offline.updated':
      'Le site a été mis à jour depuis votre dernière visite : cette page est la nouvelle version, et c’est elle qui reste disponible hors connexion.',
    'offline.offline':
      'Vous êtes hors connexion. Les pages déjà ouvertes restent disponibles, et les cellules s’exécutent avec les données déjà téléchargées.',
    'offline.reload': 'Recharger la page',
    'offline.dismiss': 'Fermer',
  },
  en: {
    'offline.ready':
      'This site now works offline: the pages you open stay readable without a network, and their cells run on the MNIST data already downloaded.',
    'offline.update': 'A new version of the site has been published: you will see it on the next page you open.',
    'offline.updated':
      'The site has been updated since your last visit: this page is the new version, and it is the one kept for reading offline.',
    'offline.offline': 'You are offline. The pages you have already opened remain available, and cells run on the data already downloaded.',
    'offline.reload': 'Reload the page',
    'offline.dismiss': 'Close',
  },
  ja: {
    'offline.ready':
      'このサイトはオフラインでも使えるようになりました。開いたページはネットワークがなくても読めて、セルはダウンロード済みの MNIST データで実行できます。',
    'offline.update': 'サイトの新しいバージョンが公開されました。次にページを開いたときに表示されます。',
    'offline.updated':
      '前回の訪問のあとでサイトが更新されました。このページは新しいバージョンで、オフライン用にもこちらが保存されています。',
    'offline.offline': 'オフラインです。一度開いたページは引き続き利用でき、セルはダウンロード済みのデータで実行できます。',
    'offline.reload': 'ページを再読み込み',
    'offline.dismiss': '閉じる',
  },
});
