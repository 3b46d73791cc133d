import { Dataset } from './dataset';

/** A dataset whose passes each call `create` for a fresh (sync or async) iterator (see `Dataset.fromGenerator`). */
export function fromGenerator<T>(
  create: () => Iterator<T> | AsyncIterator<T> | Iterable<T> | AsyncIterable<T>,
): Dataset<T> {
  return Dataset.fromGenerator(create);
}
