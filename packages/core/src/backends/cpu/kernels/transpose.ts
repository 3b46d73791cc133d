import type { KernelFunction } from '../../../backend/backend-definition';
import type { TypedArray } from '../../../dtype';
import { stridesFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { copyRun } from './copy-run';
import { forEachOffsetPair } from './offset-odometer';

/** Tile edge for the blocked path: a 32 x 32 tile of 4-byte elements reads 32 cache lines that stay in L1. */
const TILE = 32;

/**
 * The permutation with size-1 axes dropped and input axes that stay neighbours merged, e.g. [0,2,1,3] on
 * [2,3,4,5] is the same as [0,2,1] on [2,3,20]. Returns the merged input shape and permutation.
 */
function simplify(shape: readonly number[], perm: readonly number[]): { shape: number[]; perm: number[] } {
  const kept = perm.filter((axis) => shape[axis] !== 1);
  // Renumber the kept input axes densely, in input order.
  const order = [...kept].sort((left, right) => left - right);
  const dense = kept.map((axis) => order.indexOf(axis));
  const groups: number[][] = [];
  for (const axis of dense) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[last.length - 1] + 1 === axis) last.push(axis);
    else groups.push([axis]);
  }
  // Groups in input order give the merged input shape; their output order gives the merged permutation.
  const byInputOrder = [...groups].sort((left, right) => left[0] - right[0]);
  return {
    shape: byInputOrder.map((group) => group.reduce((size, axis) => size * shape[order[axis]], 1)),
    perm: groups.map((group) => byInputOrder.indexOf(group)),
  };
}

/**
 * The output walked with the output's innermost axis and the axis holding the input's innermost one as a tiled
 * 2-D transpose, so that both the reads and the writes stay within a few cache lines per tile.
 */
function transposeTiled(input: TypedArray, out: TypedArray, shape: number[], perm: number[]): void {
  const rank = perm.length;
  const inputStrides = stridesFromShape(shape);
  const outputShape = perm.map((axis) => shape[axis]);
  const outputStrides = stridesFromShape(outputShape);
  const rowAxis = perm.indexOf(rank - 1);
  const rows = outputShape[rowAxis];
  const columns = outputShape[rank - 1];
  const rowStride = outputStrides[rowAxis];
  const columnStride = inputStrides[perm[rank - 1]];
  const otherAxes = perm.map((_axis, index) => index).filter((index) => index !== rowAxis && index !== rank - 1);
  forEachOffsetPair(
    otherAxes.map((index) => outputShape[index]),
    otherAxes.map((index) => outputStrides[index]),
    otherAxes.map((index) => inputStrides[perm[index]]),
    (outputBase, inputBase) => {
      for (let rowStart = 0; rowStart < rows; rowStart += TILE) {
        const rowEnd = Math.min(rowStart + TILE, rows);
        for (let columnStart = 0; columnStart < columns; columnStart += TILE) {
          const columnEnd = Math.min(columnStart + TILE, columns);
          for (let row = rowStart; row < rowEnd; row++) {
            let outputIndex = outputBase + row * rowStride + columnStart;
            let inputIndex = inputBase + row + columnStart * columnStride;
            for (let column = columnStart; column < columnEnd; column++) {
              out[outputIndex++] = input[inputIndex];
              inputIndex += columnStride;
            }
          }
        }
      }
    },
  );
}

/** Permutes the axes: output axis i is input axis perm[i]. */
export function createTransposeKernel(storage: CpuStorage): KernelFunction<'transpose'> {
  return ({ x }, { perm }) => {
    const output = storage.allocate(
      perm.map((axis) => x.shape[axis]),
      x.dtype,
    );
    const input = storage.values(x);
    if (input.length === 0) return output.info;
    const simple = simplify(x.shape, perm);
    const rank = simple.perm.length;
    if (rank <= 1) {
      output.values.set(input);
    } else if (simple.perm[rank - 1] === rank - 1) {
      // The innermost input axis stays innermost: copy whole runs of it.
      const outputShape = simple.perm.map((axis) => simple.shape[axis]);
      const inputStrides = stridesFromShape(simple.shape);
      const outerShape = outputShape.slice(0, -1);
      forEachOffsetPair(
        outerShape,
        stridesFromShape(outputShape).slice(0, -1),
        simple.perm.slice(0, -1).map((axis) => inputStrides[axis]),
        (outputOffset, inputOffset) => copyRun(output.values, outputOffset, input, inputOffset, simple.shape[rank - 1]),
      );
    } else {
      transposeTiled(input, output.values, simple.shape, simple.perm);
    }
    return output.info;
  };
}
