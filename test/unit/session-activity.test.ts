import { describe, expect, it } from 'vitest';
import { activityShortText, activityText, DownloadEstimate, type SessionActivity } from '../../src/client/session-activity.ts';
import { translator } from '../../src/i18n/ui.ts';

const training: SessionActivity = {
  kind: 'running',
  cellId: 'train',
  position: 7,
  count: 19,
  label: 'train',
  step: { done: 350, total: 1000 },
  queued: 3,
};

describe('the session bar’s activity line', () => {
  it('says which cell runs, where it is in the page, its step and what waits after it', () => {
    expect(activityText(training, translator('en'), 'en')).toBe('Running cell 7 of 19: train (step 350/1000) · 3 more queued');
    expect(activityText(training, translator('fr'), 'fr')).toBe('Cellule 7 sur 19 : train (étape 350/1000) · 3 autres en attente');
    expect(activityText(training, translator('ja'), 'ja')).toBe('セル 7/19 を実行中：train（ステップ 350/1000） · ほかに 3 個が待機中');
  });

  it('leaves out the step and the queue when there are none, with plural forms for one queued cell', () => {
    const alone: SessionActivity = { kind: 'running', cellId: 'softmax', position: 12, count: 19, label: 'softmax', queued: 0 };
    expect(activityText(alone, translator('en'), 'en')).toBe('Running cell 12 of 19: softmax');
    expect(activityText({ ...alone, queued: 1 }, translator('fr'), 'fr')).toBe('Cellule 12 sur 19 : softmax · 1 autre en attente');
  });

  it('gives the download in megabytes of the page’s language, and the time left once it is known', () => {
    const download: SessionActivity = { kind: 'downloading', loadedBytes: 3_140_000, totalBytes: 7_830_000 };
    expect(activityText(download, translator('en'), 'en')).toBe('Downloading MNIST: 3.1 MB of 7.8 MB');
    expect(activityText(download, translator('fr'), 'fr', 4.4)).toBe(
      'Téléchargement de MNIST : 3,1\u202fMo sur 7,8\u202fMo · encore environ 4 s',
    );
    expect(activityText(download, translator('en'), 'en', 0.2)).toBe('Downloading MNIST: 3.1 MB of 7.8 MB · about 1 s left');
  });

  it('says when the code a cell needs is downloading (the layers API)', () => {
    const loading: SessionActivity = { kind: 'loading-code', what: 'layers' };
    expect(activityText(loading, translator('en'), 'en')).toBe('Loading TensorFlow.js layers…');
    expect(activityText(loading, translator('fr'), 'fr')).toBe('Chargement de TensorFlow.js layers…');
    expect(activityText(loading, translator('ja'), 'ja')).toBe('TensorFlow.js layersを読み込み中…');
    expect(activityShortText(loading, 'en')).toBe('TF.js layers…');
  });

  it('has a short form for a phone’s bar', () => {
    expect(activityShortText(training, 'en')).toBe('7/19 train · 350/1000');
    expect(activityShortText({ kind: 'downloading', loadedBytes: 3_140_000, totalBytes: 7_830_000 }, 'fr')).toBe('MNIST 3,1/7,8\u202fMo');
  });
});

describe('the download estimate', () => {
  it('measures the rate from the progress reports and says the seconds left and the whole download’s time', () => {
    const estimate = new DownloadEstimate();
    estimate.add(0, 1_000);
    expect(estimate.secondsLeft(8_000_000)).toBeUndefined();
    estimate.add(1_000_000, 1_500);
    estimate.add(2_000_000, 2_000);
    expect(estimate.bytesPerSecond).toBe(2_000_000);
    expect(estimate.secondsLeft(8_000_000)).toBe(3);
    expect(estimate.secondsFor(8_000_000)).toBe(4);
  });

  it('waits for a quarter of a second of data, and starts again when a new download begins', () => {
    const estimate = new DownloadEstimate();
    estimate.add(0, 0);
    estimate.add(500_000, 100);
    expect(estimate.bytesPerSecond).toBeUndefined();
    estimate.add(2_000_000, 1_000);
    estimate.add(100_000, 5_000);
    expect(estimate.bytesPerSecond).toBeUndefined();
    estimate.add(600_000, 5_500);
    expect(estimate.bytesPerSecond).toBe(1_000_000);
  });

  it('takes a download shorter than that at its word once it is over', () => {
    const estimate = new DownloadEstimate();
    estimate.add(0, 0);
    estimate.add(8_000_000, 100);
    expect(estimate.secondsFor(8_000_000)).toBeUndefined();
    estimate.finish();
    expect(estimate.secondsFor(8_000_000)).toBeCloseTo(0.1);
  });
});
