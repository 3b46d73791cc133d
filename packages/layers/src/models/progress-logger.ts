import { progressBar } from '../callbacks/progress-bar';
import type { Callback } from './callback';

/**
 * The older one-line-per-epoch logger, kept so callers of `progressLogger(epochs, print)` keep working: it is
 * `progressBar` in 'lines' mode writing each line through `print` (default console.log). New code: `progressBar()`.
 */
export function progressLogger(epochs?: number, print: (line: string) => void = console.log): Callback {
  return progressBar({ epochs, mode: 'lines', stream: { write: (text) => print(text.replace(/\n$/, '')) } });
}
