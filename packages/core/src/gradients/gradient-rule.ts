import type { KernelAttributes, KernelName } from '../backend/kernel-specs';
import type { TensorInputs } from '../engine/engine';
import type { Tensor } from '../tensor';

export interface GradientContext<K extends KernelName> {
  inputs: TensorInputs<K>;
  output: Tensor;
  attributes: KernelAttributes<K>;
  /**
   * False for an input whose gradient nobody asked for (it leads to no source of the pass): rules may skip the
   * work for it and return nothing there. Absent means every gradient is wanted.
   */
  needsGradient?: (input: keyof TensorInputs<K>) => boolean;
}

/** Maps the output gradient to a gradient per input name (omitted for inputs that get none). */
export type GradientRule<K extends KernelName> = (
  dy: Tensor,
  context: GradientContext<K>,
) => { [Name in keyof TensorInputs<K>]?: TensorInputs<K>[Name] };
