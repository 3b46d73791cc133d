import { InvalidArgumentError, ShapeError } from '@tessera/core';
import { formatSymbolicShape, type SymbolicShape } from '../../util/shape-format';

/**
 * Checks attention inputs [query, value] or [query, value, key]: each [batch, steps, features] with a known
 * feature axis, one batch size, and value and key of equal length. Returns [query, value, key = value].
 */
export function checkAttentionInputShapes(inputShapes: readonly SymbolicShape[], context: string): SymbolicShape[] {
  if (inputShapes.length !== 2 && inputShapes.length !== 3) {
    throw new InvalidArgumentError(
      `${context}: expected [query, value] or [query, value, key], got ${inputShapes.length} inputs`,
    );
  }
  for (const shape of inputShapes) {
    if (shape.length !== 3 || typeof shape[2] !== 'number') {
      throw new ShapeError(`${context}: expected inputs [batch, steps, features], got ${formatSymbolicShape(shape)}`);
    }
  }
  const [queryShape, valueShape] = inputShapes;
  const keyShape = inputShapes[2] ?? valueShape;
  const known = (size: number | null): size is number => typeof size === 'number';
  const stepsDiffer = known(keyShape[1]) && known(valueShape[1]) && keyShape[1] !== valueShape[1];
  const batches = new Set(inputShapes.map((shape) => shape[0]).filter(known));
  if (stepsDiffer || batches.size > 1) {
    throw new ShapeError(
      `${context}: query, value and key must share the batch size and value and key the steps, got ${inputShapes.map((shape) => formatSymbolicShape(shape)).join(', ')}`,
    );
  }
  return [queryShape, valueShape, keyShape];
}
