import { scope } from '@tessera/core';
import { collectElementTensors, disposeElement } from '../internal/tensor-container';

/**
 * Applies `transform` to each element. Tensors made inside `transform` and not returned are freed (it runs in a
 * `scope`), and input tensors the result does not reuse are disposed, so a chain of maps leaks nothing.
 */
export async function* mapElements<T, U>(
  source: AsyncIterable<T>,
  transform: (element: T, index: number) => U | Promise<U>,
): AsyncGenerator<U> {
  let index = 0;
  for await (const element of source) {
    let result: U;
    try {
      result = await scope(() => transform(element, index));
    } catch (error) {
      disposeElement(element);
      throw error;
    }
    index++;
    const kept = collectElementTensors(result);
    for (const tensor of collectElementTensors(element)) {
      if (!kept.has(tensor) && !tensor.isDisposed) tensor.dispose();
    }
    yield result;
  }
}
