import { add, matmul, mul, type Tensor, type Variable } from '@tessera/core';
import { RecurrentCell, type RecurrentCellOptions } from './recurrent-cell';

export type SimpleRNNCellOptions = RecurrentCellOptions;

/** `output = activation(input · kernel + bias + previous · recurrent_kernel)`; the output is the only state. */
export class SimpleRNNCell extends RecurrentCell {
  private kernel: Variable | undefined;
  private recurrentKernel: Variable | undefined;
  private bias: Variable | undefined;

  constructor(options: SimpleRNNCellOptions) {
    super('simple_rnn_cell', 'SimpleRNNCell', options);
  }

  get className(): string {
    return 'SimpleRNNCell';
  }

  get stateSizes(): number[] {
    return [this.units];
  }

  protected createWeights(inputSize: number): void {
    const { kernelSettings, recurrentSettings, biasSettings } = this;
    this.kernel = this.addWeight(
      'kernel',
      [inputSize, this.units],
      kernelSettings.initializer,
      kernelSettings.weightOptions,
    );
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel',
      [this.units, this.units],
      recurrentSettings.initializer,
      recurrentSettings.weightOptions,
    );
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.units], biasSettings.initializer, biasSettings.weightOptions);
    }
  }

  projectInputs(inputs: Tensor): Tensor {
    const product = matmul(inputs, this.kernel as Variable);
    return this.bias === undefined ? product : add(product, this.bias);
  }

  recurrentTensors(): Tensor[] {
    return [this.recurrentKernel as Variable];
  }

  step(projected: Tensor, states: Tensor[], recurrent: Tensor[], recurrentMask: Tensor | undefined): Tensor[] {
    const previous = recurrentMask === undefined ? states[0] : mul(states[0], recurrentMask);
    return [this.activation(add(projected, matmul(previous, recurrent[0])))];
  }
}
