import { Tensor } from '@tessera/core';

/** Every tensor inside an element: the element itself, or nested in arrays and plain objects. */
export function collectElementTensors(value: unknown, found: Set<Tensor> = new Set()): Set<Tensor> {
  if (value instanceof Tensor) {
    found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectElementTensors(item, found);
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) collectElementTensors(item, found);
  }
  return found;
}

/** Frees an element the pipeline decided not to hand on (filtered out, skipped, left in a buffer). */
export function disposeElement(value: unknown): void {
  for (const tensor of collectElementTensors(value)) {
    if (!tensor.isDisposed) tensor.dispose();
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
