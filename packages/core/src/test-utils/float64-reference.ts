/**
 * Tiny float64 reference implementations for tests: index arithmetic on flat row-major arrays, so each test can
 * write the op it checks in a few obvious lines (and feed it to numericGradients).
 */
import { sizeFromShape, stridesFromShape } from '../util/shape';

export function coordinatesOf(index: number, shape: readonly number[]): number[] {
  const coordinates = new Array<number>(shape.length);
  let remainder = index;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    coordinates[axis] = remainder % shape[axis];
    remainder = Math.floor(remainder / shape[axis]);
  }
  return coordinates;
}

export function indexOf(coordinates: readonly number[], shape: readonly number[]): number {
  const strides = stridesFromShape(shape);
  let index = 0;
  for (let axis = 0; axis < shape.length; axis++) index += coordinates[axis] * strides[axis];
  return index;
}

/** A flat array of `shape` whose element at each coordinate is `valueAt(coordinates)`. */
export function generate(shape: readonly number[], valueAt: (coordinates: number[]) => number): Float64Array {
  const size = sizeFromShape(shape);
  const result = new Float64Array(size);
  for (let index = 0; index < size; index++) result[index] = valueAt(coordinatesOf(index, shape));
  return result;
}

/** The element of `values` (of `shape`) that NumPy broadcasting reads for output coordinates `coordinates`. */
export function broadcastRead(
  values: ArrayLike<number>,
  shape: readonly number[],
  coordinates: readonly number[],
): number {
  const offset = coordinates.length - shape.length;
  const own = shape.map((dimension, axis) => (dimension === 1 ? 0 : coordinates[axis + offset]));
  return values[indexOf(own, shape)];
}

/**
 * Groups the elements of `values` by their coordinates outside `axes` and applies `reducer` to each group, in
 * the row-major order of the remaining axes (the layout of a reduction's output).
 */
export function reduceGroups(
  values: ArrayLike<number>,
  shape: readonly number[],
  axes: readonly number[],
  reducer: (group: number[]) => number,
): Float64Array {
  const keptAxes = shape.map((_, axis) => axis).filter((axis) => !axes.includes(axis));
  const outputShape = keptAxes.map((axis) => shape[axis]);
  const groups = Array.from({ length: sizeFromShape(outputShape) }, () => [] as number[]);
  for (let index = 0; index < values.length; index++) {
    const coordinates = coordinatesOf(index, shape);
    groups[
      indexOf(
        keptAxes.map((axis) => coordinates[axis]),
        outputShape,
      )
    ].push(values[index]);
  }
  return Float64Array.from(groups, reducer);
}

/** Normalizes test axes the way the ops do: undefined means all, negatives count from the end. */
export function resolveAxes(axis: number | readonly number[] | undefined, rank: number): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, index) => index);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  return list.map((value) => (value < 0 ? value + rank : value));
}
