import { InvalidArgumentError, ShapeError, stack, Tensor, tensor, tidy } from '@tessera/core';
import { disposeElement, isPlainObject } from '../internal/tensor-container';

/** What `batch` turns an element type into: tensors and numbers gain a leading axis, containers are batched field by field. */
export type Batched<T> = T extends Tensor
  ? Tensor
  : T extends number | boolean
    ? Tensor
    : T extends string
      ? string[]
      : T extends ReadonlyArray<infer Item>
        ? Array<Batched<Item>>
        : T extends object
          ? { [Key in keyof T]: Batched<T[Key]> }
          : never;

function describe(value: unknown): string {
  if (value instanceof Tensor) return `Tensor [${value.shape.join(',')}] ${value.dtype}`;
  if (Array.isArray(value)) return `array of length ${value.length}`;
  return value === null ? 'null' : typeof value;
}

/** Combines same-shaped elements into one; `path` names the field in error messages. */
function combine(elements: readonly unknown[], path: string): unknown {
  const first = elements[0];
  const mismatch = (element: unknown): never => {
    throw new ShapeError(
      `batch: elements must share one structure; at ${path} expected ${describe(first)}, got ${describe(element)}`,
    );
  };
  if (first instanceof Tensor) {
    for (const element of elements) if (!(element instanceof Tensor)) mismatch(element);
    return stack(elements as Tensor[]);
  }
  if (typeof first === 'number') {
    for (const element of elements) if (typeof element !== 'number') mismatch(element);
    return tensor(elements as number[], [elements.length], 'float32');
  }
  if (typeof first === 'boolean') {
    for (const element of elements) if (typeof element !== 'boolean') mismatch(element);
    return tensor(elements as boolean[], [elements.length], 'bool');
  }
  if (typeof first === 'string') {
    for (const element of elements) if (typeof element !== 'string') mismatch(element);
    return [...(elements as string[])];
  }
  if (Array.isArray(first)) {
    for (const element of elements) {
      if (!Array.isArray(element) || element.length !== first.length) mismatch(element);
    }
    return first.map((_, position) =>
      combine(
        elements.map((element) => (element as unknown[])[position]),
        `${path}[${position}]`,
      ),
    );
  }
  if (isPlainObject(first)) {
    const keys = Object.keys(first);
    const result: Record<string, unknown> = {};
    for (const element of elements) {
      if (!isPlainObject(element) || Object.keys(element).length !== keys.length) mismatch(element);
    }
    for (const key of keys) {
      result[key] = combine(
        elements.map((element) => {
          const record = element as Record<string, unknown>;
          if (!(key in record)) mismatch(element);
          return record[key];
        }),
        `${path}.${key}`,
      );
    }
    return result;
  }
  throw new InvalidArgumentError(
    `batch: can batch tensors, numbers, booleans, strings and arrays or plain objects of them; at ${path} got ${describe(first)}`,
  );
}

/** Combines a group of elements into one batched element, freeing the inputs (or everything made, on failure). */
export function batchGroup(elements: readonly unknown[]): unknown {
  let result: unknown;
  try {
    // tidy frees fields already stacked when a later field fails.
    result = tidy(() => combine(elements, 'element'));
  } catch (error) {
    for (const element of elements) disposeElement(element);
    throw error;
  }
  for (const element of elements) disposeElement(element);
  return result;
}

/** Groups `size` consecutive elements; a short final group is yielded unless `dropRemainder`. */
export async function* batchElements<T>(
  source: AsyncIterable<T>,
  size: number,
  dropRemainder: boolean,
): AsyncGenerator<Batched<T>> {
  let group: T[] = [];
  try {
    for await (const element of source) {
      group.push(element);
      if (group.length === size) {
        const elements = group;
        group = [];
        yield batchGroup(elements) as Batched<T>;
      }
    }
    if (group.length > 0 && !dropRemainder) {
      const elements = group;
      group = [];
      yield batchGroup(elements) as Batched<T>;
    }
  } finally {
    for (const element of group) disposeElement(element);
  }
}
