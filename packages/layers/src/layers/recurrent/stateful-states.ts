import { ShapeError, type Tensor, tidy, type Variable, variable, zeros } from '@tessera/core';
import { formatSymbolicShape } from '../../util/shape-format';

/**
 * The states a stateful recurrent layer carries from one call to the next, in non-trainable variables created
 * on the first call (their batch size is then fixed, as in Keras).
 */
export class StatefulStates {
  private variables: Variable[] | undefined;

  constructor(
    private readonly layerName: string,
    private readonly stateSizes: readonly number[],
  ) {}

  /** The current states for a batch of `batchSize` (zeros on the first call). */
  current(batchSize: number): Tensor[] {
    if (this.variables === undefined) {
      this.variables = this.stateSizes.map((size) => {
        const initial = zeros([batchSize, size]);
        const held = variable(initial, { trainable: false });
        initial.dispose();
        return held;
      });
    }
    const held = this.variables[0].shape[0];
    if (held !== batchSize) {
      throw new ShapeError(
        `${this.layerName}: a stateful layer keeps the batch size of its first call (${held}), got a batch of ${batchSize}; call resetStates() after disposing, or use a fixed batch size`,
      );
    }
    return this.variables;
  }

  /** Keeps the final states for the next call. */
  update(states: readonly Tensor[]): void {
    this.variables?.forEach((held, index) => {
      held.assign(states[index]);
    });
  }

  /** Back to zeros, or to the given values ([batch, size] each). */
  reset(values?: readonly Tensor[]): void {
    if (this.variables === undefined) return;
    this.variables.forEach((held, index) => {
      const value = values?.[index];
      if (value !== undefined && formatSymbolicShape(value.shape) !== formatSymbolicShape(held.shape)) {
        throw new ShapeError(
          `${this.layerName}.resetStates: state ${index} has shape ${formatSymbolicShape(held.shape)}, got ${formatSymbolicShape(value.shape)}`,
        );
      }
      tidy(() => held.assign(value ?? zeros(held.shape)));
    });
  }

  dispose(): void {
    for (const held of this.variables ?? []) held.dispose();
    this.variables = undefined;
  }
}
