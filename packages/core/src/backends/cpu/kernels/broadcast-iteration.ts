import type { Shape } from '../../../util/shape';
import { sizeFromShape } from '../../../util/shape';

/**
 * How an element-wise kernel walks a broadcast output: row-major, as a grid of outer positions, each holding one
 * `rows` x `columns` block that a per-op loop handles in one call. Axes of size 1 are dropped and neighbouring axes
 * that are contiguous for every input are merged first, so same-shape inputs become one long row, a scalar operand
 * has stride 0 and a row-vector bias becomes `rows` x `columns` with row stride 0: the per-op loops run long and
 * the per-block overhead is paid rarely.
 */
export interface BroadcastLayout {
  readonly outputSize: number;
  readonly rows: number;
  readonly columns: number;
  /** Per input: the element distance between consecutive rows of a block, and between consecutive columns. */
  readonly rowStrides: readonly number[];
  readonly columnStrides: readonly number[];
  /** The dimensions outside the blocks, outermost first, and each input's strides along them. */
  readonly outerShape: readonly number[];
  readonly outerStrides: ReadonlyArray<readonly number[]>;
}

/** Each input's strides aligned to the output's axes, 0 along the axes it is broadcast over. */
function alignedStrides(inputShape: Shape, outputShape: Shape): number[] {
  const rank = outputShape.length;
  const offset = rank - inputShape.length;
  const strides = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let axis = inputShape.length - 1; axis >= 0; axis--) {
    if (inputShape[axis] !== 1) strides[axis + offset] = stride;
    stride *= inputShape[axis];
  }
  return strides;
}

/** Plans the walk of `outputShape` for inputs of the given (broadcastable) shapes. */
export function planBroadcast(inputShapes: readonly Shape[], outputShape: Shape): BroadcastLayout {
  const allStrides = inputShapes.map((shape) => alignedStrides(shape, outputShape));
  // Build the merged axes innermost first: an axis joins the one inside it when, for every input, stepping over
  // the whole inner axis lands exactly on the next element of this one.
  const dimensions: number[] = [];
  const mergedStrides: number[][] = inputShapes.map(() => []);
  for (let axis = outputShape.length - 1; axis >= 0; axis--) {
    const dimension = outputShape[axis];
    if (dimension === 1) continue;
    const last = dimensions.length - 1;
    const canMerge =
      last >= 0 &&
      allStrides.every((strides, input) => strides[axis] === mergedStrides[input][last] * dimensions[last]);
    if (canMerge) {
      dimensions[last] *= dimension;
    } else {
      dimensions.push(dimension);
      for (let input = 0; input < allStrides.length; input++) mergedStrides[input].push(allStrides[input][axis]);
    }
  }
  while (dimensions.length < 2) {
    dimensions.push(1);
    for (const strides of mergedStrides) strides.push(0);
  }
  dimensions.reverse();
  for (const strides of mergedStrides) strides.reverse();
  const blockAxis = dimensions.length - 2;
  return {
    outputSize: sizeFromShape(outputShape),
    rows: dimensions[blockAxis],
    columns: dimensions[blockAxis + 1],
    rowStrides: mergedStrides.map((strides) => strides[blockAxis]),
    columnStrides: mergedStrides.map((strides) => strides[blockAxis + 1]),
    outerShape: dimensions.slice(0, blockAxis),
    outerStrides: mergedStrides.map((strides) => strides.slice(0, blockAxis)),
  };
}

/**
 * Calls `visit` once per block with the output offset of the block and each input's offset (in a reused array:
 * read it during the call, do not keep it). Nothing is visited for an empty output.
 */
export function forEachBlock(
  layout: BroadcastLayout,
  visit: (outputOffset: number, inputOffsets: Int32Array) => void,
): void {
  if (layout.outputSize === 0) return;
  const inputCount = layout.rowStrides.length;
  const outerRank = layout.outerShape.length;
  const inputOffsets = new Int32Array(inputCount);
  const blockSize = layout.rows * layout.columns;
  if (outerRank === 0) {
    visit(0, inputOffsets);
    return;
  }
  const counters = new Int32Array(outerRank);
  for (let outputOffset = 0; outputOffset < layout.outputSize; outputOffset += blockSize) {
    visit(outputOffset, inputOffsets);
    // Odometer step: bump the innermost outer axis, carrying outwards and rewinding the axes that wrapped.
    for (let axis = outerRank - 1; axis >= 0; axis--) {
      counters[axis]++;
      if (counters[axis] < layout.outerShape[axis]) {
        for (let input = 0; input < inputCount; input++) inputOffsets[input] += layout.outerStrides[input][axis];
        break;
      }
      counters[axis] = 0;
      for (let input = 0; input < inputCount; input++) {
        inputOffsets[input] -= layout.outerStrides[input][axis] * (layout.outerShape[axis] - 1);
      }
    }
  }
}
