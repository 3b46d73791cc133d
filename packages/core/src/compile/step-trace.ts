import type { Backend } from '../backend/backend-definition';
import type { KernelName, TensorInfo } from '../backend/kernel-specs';
import type { DType, TypedArray } from '../dtype';
import type { Variable } from '../variable';

/** Where a traced value comes from when the step is replayed. */
export type TracedSource =
  /** The step's argument at this position. */
  | { readonly kind: 'argument'; readonly index: number }
  /** The variable's value when the step starts. */
  | { readonly kind: 'variable'; readonly variable: Variable }
  /** Made from host values during the trace; the plan keeps the buffer (and the values, to compare traces). */
  | { readonly kind: 'constant'; readonly info: TensorInfo; readonly values: TypedArray }
  /** A tensor made before the step and read by it (tensors are immutable, so its values cannot change). */
  | { readonly kind: 'captured'; readonly info: TensorInfo; readonly tensorId: number }
  /** Output `output` of node `node`. */
  | { readonly kind: 'node'; readonly node: number; readonly output: number };

export interface TracedValue {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly source: TracedSource;
}

/** One kernel the backend ran. Inputs keep the kernel's names; an array input (concat's) lists several values. */
export interface TracedNode {
  readonly kernel: KernelName;
  readonly inputs: ReadonlyArray<readonly [string, number | readonly number[]]>;
  readonly attributes: unknown;
  readonly outputs: readonly number[];
  /** Words drawn from the global random stream: the replay draws them again and replaces key and counter. */
  readonly globalRandomWords?: number;
}

/** A `checkValues` validation: run on `value` before node `beforeNode` (the node count for after the last). */
export interface TracedCheck {
  readonly value: number;
  readonly beforeNode: number;
  readonly check: (values: TypedArray) => void;
}

/** Everything one call of a step did, in the order it happened. */
export interface StepTrace {
  readonly backend: Backend;
  readonly values: readonly TracedValue[];
  readonly nodes: readonly TracedNode[];
  /** The values the step returned, in order. */
  readonly outputs: readonly number[];
  readonly checks: readonly TracedCheck[];
  /** Each assigned variable's final value. */
  readonly assignments: ReadonlyArray<readonly [Variable, number]>;
  /** Set when the step cannot be replayed; says why. */
  readonly untraceable?: string;
}
