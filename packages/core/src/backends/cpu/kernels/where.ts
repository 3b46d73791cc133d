import type { KernelFunction } from '../../../backend/backend-definition';
import { broadcastShapes } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import { type BitArray, bitsOf } from './bit-view';
import { type BroadcastLayout, forEachBlock, planBroadcast } from './broadcast-iteration';

/** Selects with a bit mask, all ones where the condition holds, rather than a branch (see bit-view.ts). */
function selectBlock(
  out: BitArray,
  outputOffset: number,
  condition: Uint8Array,
  a: BitArray,
  b: BitArray,
  inputOffsets: Int32Array,
  layout: BroadcastLayout,
): void {
  const { rows, columns } = layout;
  const [conditionRowStride, aRowStride, bRowStride] = layout.rowStrides;
  const [conditionColumnStride, aColumnStride, bColumnStride] = layout.columnStrides;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let conditionIndex = inputOffsets[0] + row * conditionRowStride;
    let aIndex = inputOffsets[1] + row * aRowStride;
    let bIndex = inputOffsets[2] + row * bRowStride;
    for (let column = 0; column < columns; column++) {
      const mask = -+(condition[conditionIndex] !== 0);
      out[outputIndex++] = (a[aIndex] & mask) | (b[bIndex] & ~mask);
      conditionIndex += conditionColumnStride;
      aIndex += aColumnStride;
      bIndex += bColumnStride;
    }
  }
}

/** Picks `a` where `condition` is true and `b` elsewhere; all three broadcast, the output has a's dtype. */
export function createWhereKernel(storage: CpuStorage): KernelFunction<'where'> {
  return ({ condition, a, b }) => {
    const outputShape = broadcastShapes(condition.shape, broadcastShapes(a.shape, b.shape, 'where'), 'where');
    const output = storage.allocate(outputShape, a.dtype);
    const outputBits = bitsOf(output.values);
    const conditionValues = storage.values(condition) as Uint8Array;
    const aBits = bitsOf(storage.values(a));
    const bBits = bitsOf(storage.values(b));
    const layout = planBroadcast([condition.shape, a.shape, b.shape], outputShape);
    forEachBlock(layout, (outputOffset, inputOffsets) => {
      selectBlock(outputBits, outputOffset, conditionValues, aBits, bBits, inputOffsets, layout);
    });
    return output.info;
  };
}
