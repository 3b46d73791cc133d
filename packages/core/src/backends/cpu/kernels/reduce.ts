import type { KernelFunction } from '../../../backend/backend-definition';
import type { ReduceOp } from '../../../backend/kernel-specs';
import type { DType } from '../../../dtype';
import type { CpuStorage } from '../cpu-storage';
import { MAXIMUM, MINIMUM, PRODUCT_FLOAT, PRODUCT_INTEGER, type ReduceOperation, SUM } from './reduce-operations';

function operationFor(op: ReduceOp, dtype: DType): ReduceOperation {
  switch (op) {
    case 'sum':
      return SUM;
    case 'prod':
      return dtype === 'int32' ? PRODUCT_INTEGER : PRODUCT_FLOAT;
    case 'max':
    case 'any':
      return MAXIMUM;
    case 'min':
    case 'all':
      return MINIMUM;
  }
}

/** A run of neighbouring input axes that are all reduced or all kept, merged into one. */
interface AxisGroup {
  size: number;
  reduced: boolean;
}

function groupAxes(shape: readonly number[], axes: readonly number[]): AxisGroup[] {
  const groups: AxisGroup[] = [];
  for (let axis = 0; axis < shape.length; axis++) {
    // Size-1 axes change neither the memory order nor the output order, so they need no group.
    if (shape[axis] === 1) continue;
    const reduced = axes.includes(axis);
    const last = groups[groups.length - 1];
    if (last !== undefined && last.reduced === reduced) last.size *= shape[axis];
    else groups.push({ size: shape[axis], reduced });
  }
  if (groups.length === 0) groups.push({ size: 1, reduced: false });
  return groups;
}

/**
 * Reduces `axes` away. The input is read once in memory order: its axes are merged into alternating kept and
 * reduced groups, and the innermost group decides the inner loop. If it is reduced (the common "reduce the last
 * axes" case) each contiguous run collapses to one number folded into its output element; if it is kept (e.g.
 * summing over a batch axis) each run is folded element-wise into a run of outputs. The outer groups advance
 * with an odometer once per run, never per element.
 */
export function createReduceKernel(storage: CpuStorage): KernelFunction<'reduce'> {
  return ({ x }, { op, axes }) => {
    const outputShape = x.shape.filter((_dimension, axis) => !axes.includes(axis));
    const outputDtype = op === 'any' || op === 'all' ? 'bool' : x.dtype;
    const output = storage.allocate(outputShape, outputDtype);
    const operation = operationFor(op, x.dtype);
    const accumulators = new Float64Array(output.values.length).fill(operation.identity(x.dtype));
    const input = storage.values(x);
    if (input.length > 0) {
      const groups = groupAxes(x.shape, axes);
      const inner = groups[groups.length - 1];
      const outer = groups.slice(0, -1);
      // Output strides of the outer groups (0 for reduced ones); the input advances one run per step.
      const outputStrides = new Array<number>(outer.length).fill(0);
      let stride = inner.reduced ? 1 : inner.size;
      for (let group = outer.length - 1; group >= 0; group--) {
        if (outer[group].reduced) continue;
        outputStrides[group] = stride;
        stride *= outer[group].size;
      }
      const counters = new Int32Array(outer.length);
      let outputOffset = 0;
      for (let inputOffset = 0; inputOffset < input.length; inputOffset += inner.size) {
        if (inner.reduced) {
          const value = operation.reduceRun(input, inputOffset, inner.size);
          accumulators[outputOffset] = operation.combine(accumulators[outputOffset], value);
        } else {
          operation.accumulateRun(accumulators, outputOffset, input, inputOffset, inner.size);
        }
        for (let group = outer.length - 1; group >= 0; group--) {
          counters[group]++;
          if (counters[group] < outer[group].size) {
            outputOffset += outputStrides[group];
            break;
          }
          counters[group] = 0;
          outputOffset -= outputStrides[group] * (outer[group].size - 1);
        }
      }
    }
    output.values.set(accumulators);
    return output.info;
  };
}
