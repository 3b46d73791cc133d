import { disposeElement } from '../internal/tensor-container';

/**
 * Pairs the i-th elements of each source, as a tuple, or as a record when given a record of sources. Ends with
 * the shortest source; elements already pulled from the longer ones at that point are disposed.
 */
export async function* zipElements(
  sources: ReadonlyArray<AsyncIterable<unknown>> | Readonly<Record<string, AsyncIterable<unknown>>>,
): AsyncGenerator<unknown> {
  const keys = Array.isArray(sources) ? null : Object.keys(sources);
  const list: ReadonlyArray<AsyncIterable<unknown>> = Array.isArray(sources)
    ? sources
    : Object.values(sources as Record<string, AsyncIterable<unknown>>);
  if (list.length === 0) return;
  const iterators = list.map((source) => source[Symbol.asyncIterator]());
  let finished = false;
  try {
    while (true) {
      const settled = await Promise.allSettled(iterators.map((iterator) => iterator.next()));
      const values: unknown[] = [];
      let failure: unknown = null;
      let failed = false;
      for (const outcome of settled) {
        if (outcome.status === 'rejected') {
          failed = true;
          failure = outcome.reason;
        } else if (outcome.value.done) {
          finished = true;
        } else {
          values.push(outcome.value.value);
        }
      }
      if (failed || finished) {
        for (const value of values) disposeElement(value);
        if (failed) throw failure;
        return;
      }
      if (keys === null) {
        yield values;
      } else {
        const record: Record<string, unknown> = {};
        keys.forEach((key, position) => {
          record[key] = values[position];
        });
        yield record;
      }
    }
  } finally {
    await Promise.allSettled(iterators.map((iterator) => iterator.return?.()));
  }
}
