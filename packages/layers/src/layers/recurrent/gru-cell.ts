import {
  add,
  InvalidArgumentError,
  matmul,
  mul,
  reshape,
  slice,
  split,
  sub,
  type Tensor,
  type Variable,
} from '@tessera/core';
import { activationConfig } from '../../activations/activation-config';
import { type ActivationFunction, type ActivationName, getActivation } from '../../activations/get-activation';
import type { LayerConfig } from '../../util/json-value';
import { type GatedCellOptions, RecurrentCell } from './recurrent-cell';

export interface GRUCellOptions extends GatedCellOptions {
  /**
   * Keras's two variants. True (default, as Keras 2+/cuDNN): the reset gate scales the recurrent product, and
   * bias is [2, 3·units] (input bias row, recurrent bias row). False: the reset gate scales the previous output
   * before its product, and bias is [3·units] (tfjs-layers' only variant).
   */
  resetAfter?: boolean;
}

/** Gated recurrent unit with Keras's layout: gates z, r, h side by side in kernel [input, 3·units]. */
export class GRUCell extends RecurrentCell {
  readonly resetAfter: boolean;
  private readonly recurrentActivationIdentifier: ActivationName | ActivationFunction;
  private readonly recurrentActivation: ActivationFunction;
  private kernel: Variable | undefined;
  private recurrentKernel: Variable | undefined;
  private bias: Variable | undefined;

  constructor(options: GRUCellOptions) {
    super('gru_cell', 'GRUCell', options);
    this.resetAfter = options.resetAfter ?? true;
    if (typeof this.resetAfter !== 'boolean') {
      throw new InvalidArgumentError(`GRUCell: resetAfter must be a boolean, got ${String(options.resetAfter)}`);
    }
    this.recurrentActivationIdentifier = options.recurrentActivation ?? 'sigmoid';
    this.recurrentActivation = getActivation(this.recurrentActivationIdentifier, 'GRUCell');
  }

  get className(): string {
    return 'GRUCell';
  }

  get stateSizes(): number[] {
    return [this.units];
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      recurrentActivation: activationConfig(this.recurrentActivationIdentifier, `GRUCell (${this.name})`),
      resetAfter: this.resetAfter,
    };
  }

  protected createWeights(inputSize: number): void {
    const { kernelSettings, recurrentSettings, biasSettings, units } = this;
    this.kernel = this.addWeight(
      'kernel',
      [inputSize, 3 * units],
      kernelSettings.initializer,
      kernelSettings.weightOptions,
    );
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel',
      [units, 3 * units],
      recurrentSettings.initializer,
      recurrentSettings.weightOptions,
    );
    if (this.useBias) {
      const shape = this.resetAfter ? [2, 3 * units] : [3 * units];
      this.bias = this.addWeight('bias', shape, biasSettings.initializer, biasSettings.weightOptions);
    }
  }

  projectInputs(inputs: Tensor): Tensor {
    const product = matmul(inputs, this.kernel as Variable);
    if (this.bias === undefined) return product;
    const inputBias = this.resetAfter
      ? reshape(slice(this.bias, [0, 0], [1, 3 * this.units]), [3 * this.units])
      : this.bias;
    return add(product, inputBias);
  }

  /** resetAfter: [recurrent_kernel, recurrent bias?]; otherwise the kernel's z·r columns and its h columns. */
  recurrentTensors(): Tensor[] {
    const kernel = this.recurrentKernel as Variable;
    const units = this.units;
    if (this.resetAfter) {
      if (this.bias === undefined) return [kernel];
      return [kernel, reshape(slice(this.bias, [1, 0], [1, 3 * units]), [3 * units])];
    }
    return [slice(kernel, [0, 0], [units, 2 * units]), slice(kernel, [0, 2 * units], [units, units])];
  }

  step(projected: Tensor, states: Tensor[], recurrent: Tensor[], recurrentMask: Tensor | undefined): Tensor[] {
    const previous = states[0];
    const dropped = recurrentMask === undefined ? previous : mul(previous, recurrentMask);
    const [inputUpdate, inputReset, inputCandidate] = split(projected, 3, 1);
    let update: Tensor;
    let candidate: Tensor;
    if (this.resetAfter) {
      const product = matmul(dropped, recurrent[0]);
      const inner = recurrent.length > 1 ? add(product, recurrent[1]) : product;
      const [innerUpdate, innerReset, innerCandidate] = split(inner, 3, 1);
      update = this.recurrentActivation(add(inputUpdate, innerUpdate));
      const reset = this.recurrentActivation(add(inputReset, innerReset));
      candidate = this.activation(add(inputCandidate, mul(reset, innerCandidate)));
    } else {
      const [innerUpdate, innerReset] = split(matmul(dropped, recurrent[0]), 2, 1);
      update = this.recurrentActivation(add(inputUpdate, innerUpdate));
      const reset = this.recurrentActivation(add(inputReset, innerReset));
      candidate = this.activation(add(inputCandidate, matmul(mul(reset, dropped), recurrent[1])));
    }
    // h = z·previous + (1 − z)·candidate, written as candidate + z·(previous − candidate): one op fewer.
    return [add(candidate, mul(update, sub(previous, candidate)))];
  }
}
