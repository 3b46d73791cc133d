import { InvalidArgumentError, ShapeError } from '../errors';

export type Shape = readonly number[];

export function formatShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

export function sizeFromShape(shape: Shape): number {
  let size = 1;
  for (const dimension of shape) size *= dimension;
  return size;
}

/** Rejects negative, fractional, NaN and infinite dimensions with the op's name in the message. */
export function assertValidShape(shape: unknown, opName: string): asserts shape is Shape {
  if (!Array.isArray(shape)) {
    throw new InvalidArgumentError(`${opName}: expected shape to be an array of dimensions, got ${String(shape)}`);
  }
  for (const dimension of shape) {
    if (typeof dimension !== 'number' || !Number.isInteger(dimension) || dimension < 0) {
      throw new InvalidArgumentError(
        `${opName}: every dimension must be a non-negative integer, got shape [${shape.map(String).join(',')}]`,
      );
    }
  }
}

export function stridesFromShape(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis];
  }
  return strides;
}

/** NumPy broadcasting of two shapes. */
export function broadcastShapes(a: Shape, b: Shape, opName: string): number[] {
  const rank = Math.max(a.length, b.length);
  const result = new Array<number>(rank);
  for (let index = 0; index < rank; index++) {
    const aDimension = a[a.length - rank + index] ?? 1;
    const bDimension = b[b.length - rank + index] ?? 1;
    if (aDimension !== bDimension && aDimension !== 1 && bDimension !== 1) {
      throw new ShapeError(`${opName}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together`);
    }
    result[index] = aDimension === 1 ? bDimension : aDimension;
  }
  return result;
}

/** Turns a possibly negative axis into its positive form, or throws naming the op. */
export function normalizeAxis(axis: number, rank: number, opName: string): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -Math.max(rank, 1) || axis >= Math.max(rank, 1)) {
    throw new InvalidArgumentError(
      `${opName}: axis must be an integer in [${-Math.max(rank, 1)}, ${Math.max(rank, 1) - 1}] for a tensor of rank ${rank}, got ${String(axis)}`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/** Normalizes `axis` (undefined meaning all axes), sorted and without duplicates. */
export function normalizeAxes(
  axis: number | readonly number[] | undefined | null,
  rank: number,
  opName: string,
): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, index) => index);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const normalized = list.map((value) => {
    if (rank === 0 && (value === 0 || value === -1)) return -1;
    return normalizeAxis(value, rank, opName);
  });
  const unique = [...new Set(normalized.filter((value) => value >= 0))].sort((left, right) => left - right);
  if (unique.length !== normalized.filter((value) => value >= 0).length) {
    throw new InvalidArgumentError(`${opName}: axes must be unique, got [${list.join(',')}]`);
  }
  return unique;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
