/** Index arithmetic shared by the kernels: row-major strides, coordinates and broadcasting. */

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, dimension) => product * dimension, 1);
}

/** Row-major strides: the last dimension is contiguous. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis];
  }
  return strides;
}

/** The coordinates of a flat (row-major) index. */
export function coordinatesOf(flatIndex: number, shape: readonly number[]): number[] {
  const coordinates = new Array<number>(shape.length);
  let remainder = flatIndex;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    coordinates[axis] = remainder % shape[axis];
    remainder = Math.floor(remainder / shape[axis]);
  }
  return coordinates;
}

/**
 * The flat index into a tensor of `shape` for coordinates of a (possibly larger) output shape, NumPy style:
 * shapes align on the right and a dimension of size 1 repeats.
 */
export function broadcastIndex(outputCoordinates: readonly number[], shape: readonly number[]): number {
  const offset = outputCoordinates.length - shape.length;
  let index = 0;
  for (let axis = 0; axis < shape.length; axis++) {
    const coordinate = shape[axis] === 1 ? 0 : outputCoordinates[axis + offset];
    index = index * shape[axis] + coordinate;
  }
  return index;
}

/** The NumPy broadcast of two shapes (the op layer has already checked that they are compatible). */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const shape = new Array<number>(rank);
  for (let axis = 0; axis < rank; axis++) {
    const fromA = a[axis - rank + a.length] ?? 1;
    const fromB = b[axis - rank + b.length] ?? 1;
    shape[axis] = fromA === 1 ? fromB : fromA;
  }
  return shape;
}
