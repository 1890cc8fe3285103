/**
 * The explorers' code, loaded when one comes near the screen (mount.ts): each explorer element
 * gets its controller, which asks the session worker its questions and follows the model its
 * channel says it shows.
 */
import type { Translate } from '../ui-strings.ts';
import type { ExplorerChannel, ExplorerHost } from './explorer-view.ts';
import { DrawExplorer } from './draw-explorer.ts';
import { TestImageExplorer } from './test-image-explorer.ts';
import { WeightsExplorer } from './weights-explorer.ts';

export function mountExplorer(element: HTMLElement, channel: ExplorerChannel, host: ExplorerHost, t: Translate): void {
  const kind = element.dataset['explorer'];
  if (kind === 'test-image') new TestImageExplorer(channel, host, t);
  else if (kind === 'draw') new DrawExplorer(channel, host, t);
  else if (kind === 'pixel') new WeightsExplorer(channel, t);
}
