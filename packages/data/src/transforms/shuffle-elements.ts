import { disposeElement } from '../internal/tensor-container';

/**
 * Buffer shuffle: holds `bufferSize` elements and hands out a random one each time a new element arrives, like
 * tf.data. `random` decides the order, so a seeded generator repeats it exactly.
 */
export async function* shuffleElements<T>(
  source: AsyncIterable<T>,
  bufferSize: number,
  random: () => number,
): AsyncGenerator<T> {
  const buffer: T[] = [];
  try {
    for await (const element of source) {
      if (buffer.length < bufferSize) {
        buffer.push(element);
        continue;
      }
      const chosen = Math.floor(random() * bufferSize);
      const next = buffer[chosen] as T;
      buffer[chosen] = element;
      yield next;
    }
    while (buffer.length > 0) {
      const chosen = Math.floor(random() * buffer.length);
      const next = buffer[chosen] as T;
      // Swap-remove keeps this O(1) per element.
      buffer[chosen] = buffer[buffer.length - 1] as T;
      buffer.pop();
      yield next;
    }
  } finally {
    // Reached when the consumer stops early or the source throws: what is still buffered would leak.
    for (const element of buffer) disposeElement(element);
    buffer.length = 0;
  }
}
