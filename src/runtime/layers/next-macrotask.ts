/**
 * Resolves once the event loop has had a turn, so that messages waiting for the worker (the page's
 * Stop) are handled. A MessageChannel rather than `setTimeout(0)`, which browsers stretch to 4 ms
 * once timers nest: in a training loop that would be a cost on every yield.
 */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
