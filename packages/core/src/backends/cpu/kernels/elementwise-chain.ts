import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import { BackendError } from '../../../errors';
import { chainOperandLayout } from '../../../util/chain-operand-layout';
import { formatShape, sizeFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';
import type { BinaryBlock } from './binary-block';
import { FLOAT_BINARY_LOOPS } from './binary-loops';
import { UNARY_LOOPS } from './unary';

/** Elements per block: every step's block of results stays in the first-level cache until the next step reads it. */
const BLOCK_LENGTH = 1024;

function layoutOf(operand: TensorInfo, shape: readonly number[]): 'full' | 'scalar' | 'repeated' {
  const layout = chainOperandLayout(operand.shape, shape);
  if (layout !== undefined) return layout;
  throw new BackendError(
    `elementwiseChain: operand of shape ${formatShape(operand.shape)} is neither the output's size, one element, nor the trailing dimensions of ${formatShape(shape)}`,
  );
}

/**
 * The fused element-wise chain: the output is computed a block at a time, each step running the same loop as its
 * unary or binary kernel over the block (so results are bit-identical), with intermediate blocks in one scratch
 * array instead of whole intermediate tensors.
 */
export function createElementwiseChainKernel(storage: CpuStorage): KernelFunction<'elementwiseChain'> {
  let scratch = new Float32Array(0);
  return ({ operands }, { shape, steps }) => {
    const size = sizeFromShape(shape);
    const output = storage.allocate(shape, 'float32', 'overwritten');
    const outputValues = output.values as Float32Array;
    const inputs = operands.map((operand) => {
      if (operand.dtype !== 'float32') {
        throw new BackendError(`elementwiseChain: operands must be float32, got ${operand.dtype}`);
      }
      return storage.values(operand) as Float32Array;
    });
    const layouts = operands.map((operand) => layoutOf(operand, shape));
    const slotCount = inputs.length + steps.length;
    if (scratch.length < slotCount * BLOCK_LENGTH) scratch = new Float32Array(slotCount * BLOCK_LENGTH);
    const views: Float32Array[] = new Array(slotCount);
    for (let start = 0; start < size; start += BLOCK_LENGTH) {
      const length = Math.min(BLOCK_LENGTH, size - start);
      inputs.forEach((values, index) => {
        if (layouts[index] === 'full') {
          views[index] = values.subarray(start, start + length);
          return;
        }
        const view = scratch.subarray(index * BLOCK_LENGTH, index * BLOCK_LENGTH + length);
        if (layouts[index] === 'scalar') view.fill(values[0]);
        else for (let offset = 0; offset < length; offset++) view[offset] = values[(start + offset) % values.length];
        views[index] = view;
      });
      const block: BinaryBlock = {
        rows: 1,
        columns: length,
        aRowStride: 0,
        aColumnStride: 1,
        bRowStride: 0,
        bColumnStride: 1,
      };
      steps.forEach((step, position) => {
        const slot = inputs.length + position;
        const target =
          position === steps.length - 1
            ? outputValues.subarray(start, start + length)
            : scratch.subarray(slot * BLOCK_LENGTH, slot * BLOCK_LENGTH + length);
        if (step.kind === 'unary') UNARY_LOOPS[step.op](views[step.operands[0]], target);
        else FLOAT_BINARY_LOOPS[step.op](target, 0, views[step.operands[0]], 0, views[step.operands[1]], 0, block);
        views[slot] = target;
      });
    }
    return output.info;
  };
}
