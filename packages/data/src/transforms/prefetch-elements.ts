import { disposeElement } from '../internal/tensor-container';

/**
 * Keeps up to `count` requests to the source in flight, so slow producers (decoding, file reads) overlap with
 * the consumer's work.
 */
export async function* prefetchElements<T>(source: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const pending: Array<Promise<IteratorResult<T>>> = [];
  let finished = false;
  const request = (): void => {
    const next = iterator.next();
    // Errors surface when this request is awaited; the no-op catch stops an unhandled-rejection report meanwhile.
    next.catch(() => {});
    pending.push(next);
  };
  try {
    while (!finished) {
      while (!finished && pending.length < count) request();
      const result = await (pending.shift() as Promise<IteratorResult<T>>);
      if (result.done) {
        finished = true;
        break;
      }
      yield result.value;
    }
  } finally {
    // Results already requested belong to nobody once we stop: wait for them and free them.
    for (const next of pending.splice(0)) {
      try {
        const result = await next;
        if (!result.done) disposeElement(result.value);
      } catch {
        // The consumer has stopped; a late error from a prefetched element has no one to report to.
      }
    }
    if (!finished) await iterator.return?.();
  }
}
