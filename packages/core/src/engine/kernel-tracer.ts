import type { KernelName } from '../backend/kernel-specs';
import type { TypedArray } from '../dtype';
import type { Tensor } from '../tensor';

/**
 * What the engine reports while `compileStep` traces a function: every kernel the backend really ran (composites
 * show up as the kernels they are made of), every tensor created from host values, every variable assignment,
 * and anything that ties the step to values read back mid-step (which a replay could not reproduce).
 */
export interface KernelTracer {
  kernel(
    name: KernelName,
    inputs: Readonly<Record<string, Tensor | Tensor[]>>,
    attributes: unknown,
    outputs: readonly Tensor[],
  ): void;
  constant(tensor: Tensor, values: TypedArray): void;
  assign(variable: Tensor, value: Tensor): void;
  /** A validation (`checkValues`) that a replay must run again on the tensor's values at this point. */
  hostCheck(tensor: Tensor, check: (values: TypedArray) => void): void;
  /** A draw from the global random stream of `count` words: the next `randomBits` kernel belongs to it. */
  globalRandomDraw(count: number): void;
  /** Something the replay cannot repeat: a value read back, a copy between backends. */
  untraceable(reason: string): void;
}
