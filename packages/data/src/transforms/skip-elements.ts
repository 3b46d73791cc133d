import { disposeElement } from '../internal/tensor-container';

/** Drops (and disposes) the first `count` elements. */
export async function* skipElements<T>(source: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  let skipped = 0;
  for await (const element of source) {
    if (skipped < count) {
      skipped++;
      disposeElement(element);
      continue;
    }
    yield element;
  }
}
