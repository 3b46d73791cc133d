/** True when `shape` broadcasts to exactly `target` (NumPy rules, without growing `target`). */
export function broadcastsTo(shape: readonly number[], target: readonly number[]): boolean {
  const offset = target.length - shape.length;
  return offset >= 0 && shape.every((dimension, axis) => dimension === 1 || dimension === target[axis + offset]);
}
