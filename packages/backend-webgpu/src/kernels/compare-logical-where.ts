import type { CompareOp, KernelFunction, LogicalOp } from '@tessera/core/backend';
import type { KernelEnvironment } from '../kernel-environment';
import { dispatchBroadcast } from './broadcast-dispatch';

const COMPARE_OPERATORS: Readonly<Record<CompareOp, string>> = {
  equal: '==',
  notEqual: '!=',
  less: '<',
  lessEqual: '<=',
  greater: '>',
  greaterEqual: '>=',
};

/** Comparisons give bool; with a NaN operand every comparison is false except notEqual (IEEE 754, NumPy, CPU). */
export function createCompareKernel(environment: KernelEnvironment): KernelFunction<'compare'> {
  return ({ a, b }, { op }) => {
    const comparison = `value_0 ${COMPARE_OPERATORS[op]} value_1`;
    // NaN is decided from the bits: WGSL allows compilers to assume comparisons never see NaN.
    const expression =
      a.dtype === 'float32'
        ? `i32(select(${comparison}, ${op === 'notEqual'}, is_nan(value_0) || is_nan(value_1)))`
        : `i32(${comparison})`;
    return dispatchBroadcast(environment, { key: `compare:${op}`, inputs: [a, b], outputDtype: 'bool', expression });
  };
}

export function createLogicalKernel(environment: KernelEnvironment): KernelFunction<'logical'> {
  return ({ a, b }, { op }) => {
    const operator = op === ('and' satisfies LogicalOp) ? '&&' : '||';
    return dispatchBroadcast(environment, {
      key: `logical:${op}`,
      inputs: [a, b],
      outputDtype: 'bool',
      expression: `i32((value_0 != 0) ${operator} (value_1 != 0))`,
    });
  };
}

/** Selects whole 32-bit values, so NaN payloads and -0 pass through unchanged. */
export function createWhereKernel(environment: KernelEnvironment): KernelFunction<'where'> {
  return ({ condition, a, b }) =>
    dispatchBroadcast(environment, {
      key: 'where',
      inputs: [condition, a, b],
      outputDtype: a.dtype,
      expression: 'select(value_2, value_1, value_0 != 0)',
    });
}
