/**
 * Offline support, page side: registers the service worker (src/offline/) once the page has loaded,
 * so that it never competes with the page's own start, and passes what it says on to the reader:
 * the site now works offline, a new version has been published, the network is gone.
 */
import { BUILD_META_NAME, SERVICE_WORKER_FILE, isOfflineMessage } from '../offline/build-info.ts';
import { showOfflineNotice, type OfflineNoticeKind } from './offline-notice.ts';

export function startOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const serviceWorkers = navigator.serviceWorker;
  if (!import.meta.env.PROD) {
    // `astro dev` has no service worker; remove one that `astro preview` left on this origin.
    void serviceWorkers.getRegistrations().then((registrations) => registrations.forEach((registration) => void registration.unregister()));
    return;
  }
  // The live region exists before anything is said, so that screen readers announce it.
  const region = document.createElement('div');
  region.className = 'offline-notice';
  region.dataset['offlineNotice'] = '';
  region.innerHTML = '<p role="status"></p>';
  document.body.append(region);

  const pageBuild = document.querySelector<HTMLMetaElement>(`meta[name="${BUILD_META_NAME}"]`)?.content;
  serviceWorkers.addEventListener('message', (event) => {
    if (!isOfflineMessage(event.data)) return;
    notify(!event.data.replaced ? 'ready' : event.data.build === pageBuild ? 'updated' : 'update');
  });
  serviceWorkers.startMessages();
  // Offline without a service worker, nothing is kept: the notice would promise too much.
  const onOffline = (): void => {
    if (serviceWorkers.controller) notify('offline');
  };
  addEventListener('offline', onOffline);
  addEventListener('online', () => notify(undefined, 'offline'));
  if (!navigator.onLine) onOffline();

  const register = (): void => {
    // Without sw.js (a host that drops it, an old browser) the site simply works online.
    serviceWorkers
      .register(`${import.meta.env.BASE_URL}${SERVICE_WORKER_FILE}`, { scope: import.meta.env.BASE_URL })
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });

  function notify(kind: OfflineNoticeKind | undefined, replacing?: OfflineNoticeKind): void {
    showOfflineNotice(region, kind, replacing);
  }
}
