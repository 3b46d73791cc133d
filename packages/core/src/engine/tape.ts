import type { Tensor } from '../tensor';

/**
 * One recorded operation. `backward` maps the gradients of the outputs to the gradients of the inputs
 * (undefined where an input gets none).
 */
export interface TapeNode {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  readonly backward: (outputGradients: readonly Tensor[]) => ReadonlyArray<Tensor | undefined>;
}

/** The eager tape: operations are appended as they run while a gradient function is recording. */
export class Tape {
  readonly nodes: TapeNode[] = [];
}
