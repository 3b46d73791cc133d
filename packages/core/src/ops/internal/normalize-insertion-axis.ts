import { InvalidArgumentError } from '../../errors';

/**
 * The position of a new axis inserted into a tensor of rank `rank` (expandDims, stack): one more position than
 * there are axes, so the valid range is [-(rank + 1), rank].
 */
export function normalizeInsertionAxis(axis: number, rank: number, opName: string): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -(rank + 1) || axis > rank) {
    throw new InvalidArgumentError(
      `${opName}: axis must be an integer in [${-(rank + 1)}, ${rank}] for a tensor of rank ${rank}, got ${String(axis)}`,
    );
  }
  return axis < 0 ? axis + rank + 1 : axis;
}
