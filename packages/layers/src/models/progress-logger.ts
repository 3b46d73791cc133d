import type { Callback, Logs } from './callback';

function formatLogs(logs: Logs): string {
  return Object.entries(logs)
    .map(([key, value]) => `${key}: ${value.toFixed(4)}`)
    .join(' - ');
}

/**
 * Prints one line per epoch: loss, metrics and time. One line per epoch is what logs and CI want; a live bar for
 * terminals is not written yet.
 */
export function progressLogger(epochs: number, print: (line: string) => void = console.log): Callback {
  let startedAt = 0;
  return {
    onEpochBegin() {
      startedAt = performance.now();
    },
    onEpochEnd(epoch, logs) {
      const seconds = (performance.now() - startedAt) / 1000;
      print(`Epoch ${epoch + 1}/${epochs} - ${seconds.toFixed(2)}s - ${formatLogs(logs)}`);
    },
  };
}
