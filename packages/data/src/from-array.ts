import { Dataset } from './dataset';

/** A dataset over the elements of an array (see `Dataset.fromArray`). */
export function fromArray<T>(items: readonly T[]): Dataset<T> {
  return Dataset.fromArray(items);
}
