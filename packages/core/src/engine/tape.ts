import type { Tensor } from '../tensor';

/**
 * One recorded operation. `backward` maps the gradients of the outputs to the gradients of the inputs
 * (undefined where an input gets none).
 */
export interface TapeNode {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  /**
   * The input gradients, given the output gradients. `inputsNeeded[i]` is false when no source of the current
   * pass depends on input i: a rule may then skip that gradient (a matmul's data-side product, for instance).
   */
  readonly backward: (
    outputGradients: readonly Tensor[],
    inputsNeeded: readonly boolean[],
  ) => ReadonlyArray<Tensor | undefined>;
  /** Other tensors the backward function reads (customGrad's saved tensors). */
  readonly saved?: readonly Tensor[];
}

/** The eager tape: operations are appended as they run while a gradient function is recording. */
export class Tape {
  readonly nodes: TapeNode[] = [];
  /** Inputs and outputs of the nodes: they must outlive any inner tidy until the backward pass ran. */
  readonly tensors = new Set<Tensor>();

  add(node: TapeNode): void {
    this.nodes.push(node);
    for (const tensor of node.inputs) this.tensors.add(tensor);
    for (const tensor of node.outputs) this.tensors.add(tensor);
    for (const tensor of node.saved ?? []) this.tensors.add(tensor);
  }
}
