import { disposeElement } from '../internal/tensor-container';

/** Keeps the elements `predicate` accepts; the rejected ones are disposed since nobody else will see them. */
export async function* filterElements<T>(
  source: AsyncIterable<T>,
  predicate: (element: T, index: number) => boolean | Promise<boolean>,
): AsyncGenerator<T> {
  let index = 0;
  for await (const element of source) {
    let keep: boolean;
    try {
      keep = await predicate(element, index++);
    } catch (error) {
      disposeElement(element);
      throw error;
    }
    if (keep) yield element;
    else disposeElement(element);
  }
}
