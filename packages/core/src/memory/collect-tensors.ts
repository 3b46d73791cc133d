import { Tensor } from '../tensor';

/** Every tensor inside a result: the value itself, arrays, and plain objects, recursively. */
export function collectTensors(
  value: unknown,
  found: Set<Tensor> = new Set(),
  seen: Set<object> = new Set(),
): Set<Tensor> {
  if (value instanceof Tensor) {
    found.add(value);
    return found;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return found;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const element of value) collectTensors(element, found, seen);
  } else if (value instanceof Map) {
    for (const element of value.values()) collectTensors(element, found, seen);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const element of Object.values(value)) collectTensors(element, found, seen);
  }
  return found;
}
