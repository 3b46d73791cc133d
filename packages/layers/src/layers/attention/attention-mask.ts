import { expandDims, greaterEqual, logicalAnd, notEqual, range, reshape, ShapeError, type Tensor } from '@tessera/core';

/**
 * `[1, querySteps, keySteps]`, true where key step ≤ query step: each position attends to itself and the past,
 * as Keras's `use_causal_mask` (the diagonal is aligned at the top-left corner when the lengths differ).
 */
export function causalAttentionMask(querySteps: number, keySteps: number): Tensor {
  const rows = reshape(range(0, querySteps, 1, 'int32'), [querySteps, 1]);
  const columns = reshape(range(0, keySteps, 1, 'int32'), [1, keySteps]);
  return expandDims(greaterEqual(rows, columns), 0);
}

/** A padding mask `[batch, keySteps]` as an attention mask `[batch, 1, keySteps]`: no query may look at padding. */
export function keyPaddingAttentionMask(paddingMask: Tensor, context: string): Tensor {
  if (paddingMask.rank !== 2) {
    throw new ShapeError(`${context}: expected a padding mask of shape [batch, steps], got [${paddingMask.shape}]`);
  }
  return expandDims(asBool(paddingMask), 1);
}

/** Bool masks pass through; numeric ones (Keras accepts 0/1 integers) mean "attend" wherever they are non-zero. */
export function asBool(mask: Tensor): Tensor {
  return mask.dtype === 'bool' ? mask : notEqual(mask, 0);
}

/** The positions every given mask allows (masks broadcast); undefined when no mask is given. */
export function combineAttentionMasks(masks: ReadonlyArray<Tensor | undefined>): Tensor | undefined {
  const present = masks.filter((mask): mask is Tensor => mask !== undefined);
  if (present.length === 0) return undefined;
  return present.reduce((combined, mask) => logicalAnd(combined, mask));
}

/** An attention mask of shape [batch, querySteps, keySteps] (size-1 axes broadcast) as bool, or a ShapeError. */
export function checkedAttentionMask(mask: Tensor, expected: readonly number[], context: string): Tensor {
  if (mask.rank !== 3 || !mask.shape.every((size, axis) => size === 1 || size === expected[axis])) {
    throw new ShapeError(
      `${context}: attentionMask must have shape [${expected}] (size-1 axes broadcast), got [${mask.shape}]`,
    );
  }
  return asBool(mask);
}
