import {
  add,
  concat,
  InvalidArgumentError,
  matmul,
  mul,
  ones,
  sigmoid,
  slice,
  split,
  square,
  sub,
  type Tensor,
  tanh,
  type Variable,
} from '@tessera/core';
import { activationConfig } from '../../activations/activation-config';
import { type ActivationFunction, type ActivationName, getActivation } from '../../activations/get-activation';
import type { Initializer } from '../../initializers/initializer';
import type { LayerConfig } from '../../util/json-value';
import {
  type CachedBackward,
  type CachedStep,
  type GatedCellOptions,
  type PreactivationGradient,
  RecurrentCell,
} from './recurrent-cell';

export interface LSTMCellOptions extends GatedCellOptions {
  /** Starts the forget gate's bias at 1 (the other gates' at biasInitializer), as Keras; default true. */
  unitForgetBias?: boolean;
}

/**
 * Long short-term memory with Keras's layout: gates i, f, c, o side by side in kernel [input, 4·units],
 * recurrent_kernel [units, 4·units] and bias [4·units]; states [h, c].
 */
export class LSTMCell extends RecurrentCell {
  readonly unitForgetBias: boolean;
  private readonly recurrentActivationIdentifier: ActivationName | ActivationFunction;
  private readonly recurrentActivation: ActivationFunction;
  private kernel: Variable | undefined;
  private recurrentKernel: Variable | undefined;
  private bias: Variable | undefined;

  constructor(options: LSTMCellOptions) {
    super('lstm_cell', 'LSTMCell', options);
    this.unitForgetBias = options.unitForgetBias ?? true;
    if (typeof this.unitForgetBias !== 'boolean') {
      throw new InvalidArgumentError(
        `LSTMCell: unitForgetBias must be a boolean, got ${String(options.unitForgetBias)}`,
      );
    }
    this.recurrentActivationIdentifier = options.recurrentActivation ?? 'sigmoid';
    this.recurrentActivation = getActivation(this.recurrentActivationIdentifier, 'LSTMCell');
  }

  get className(): string {
    return 'LSTMCell';
  }

  get stateSizes(): number[] {
    return [this.units, this.units];
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      recurrentActivation: activationConfig(this.recurrentActivationIdentifier, `LSTMCell (${this.name})`),
      unitForgetBias: this.unitForgetBias,
    };
  }

  protected createWeights(inputSize: number): void {
    const { kernelSettings, recurrentSettings, biasSettings, units } = this;
    this.kernel = this.addWeight(
      'kernel',
      [inputSize, 4 * units],
      kernelSettings.initializer,
      kernelSettings.weightOptions,
    );
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel',
      [units, 4 * units],
      recurrentSettings.initializer,
      recurrentSettings.weightOptions,
    );
    if (this.useBias) {
      const base = biasSettings.initializer;
      // Keras: the forget gate starts open so that gradients flow through the cell state early in training.
      const initializer: Initializer = this.unitForgetBias
        ? () => concat([base([units]), ones([units]), base([2 * units])], 0)
        : base;
      this.bias = this.addWeight('bias', [4 * units], initializer, biasSettings.weightOptions);
    }
  }

  projectInputs(inputs: Tensor): Tensor {
    const product = matmul(inputs, this.kernel as Variable);
    return this.bias === undefined ? product : add(product, this.bias);
  }

  recurrentTensors(): Tensor[] {
    return [this.recurrentKernel as Variable];
  }

  /** The cached path hard-codes the derivatives of tanh and sigmoid; other activations use the generic one. */
  override cachedBackward(): CachedBackward | undefined {
    if (this.activationIdentifier !== 'tanh' || this.recurrentActivationIdentifier !== 'sigmoid') return undefined;
    return {
      step: (projected, states, recurrent, recurrentMask) =>
        this.stepWithCache(projected, states, recurrent, recurrentMask),
      gradient: (cache, previousStates, stateGradients) =>
        this.preactivationGradient(cache, previousStates, stateGradients),
    };
  }

  private stepWithCache(
    projected: Tensor,
    states: Tensor[],
    recurrent: Tensor[],
    recurrentMask: Tensor | undefined,
  ): CachedStep {
    const [previousOutput, previousCell] = states;
    const previous = recurrentMask === undefined ? previousOutput : mul(previousOutput, recurrentMask);
    const preactivation = add(projected, matmul(previous, recurrent[0]));
    // One sigmoid over all four gates' columns and a slice is fewer ops than four sigmoids.
    const [inputGate, forgetGate, , outputGate] = split(sigmoid(preactivation), 4, 1);
    const candidate = tanh(slice(preactivation, [0, 2 * this.units], [-1, this.units]));
    const cell = add(mul(forgetGate, previousCell), mul(inputGate, candidate));
    const cellActivation = tanh(cell);
    return {
      states: [mul(outputGate, cellActivation), cell],
      cache: [inputGate, forgetGate, candidate, outputGate, cellActivation],
    };
  }

  /** The derivatives of sigmoid and tanh written out: σ' = σ(1 − σ), tanh' = 1 − tanh². */
  private preactivationGradient(
    cache: Tensor[],
    previousStates: Tensor[],
    [outputGradient, cellGradient]: Tensor[],
  ): PreactivationGradient {
    const [inputGate, forgetGate, candidate, outputGate, cellActivation] = cache;
    const sigmoidDerivative = (gate: Tensor) => mul(gate, sub(1, gate));
    const totalCellGradient = add(cellGradient, mul(mul(outputGradient, outputGate), sub(1, square(cellActivation))));
    const preactivation = concat(
      [
        mul(mul(totalCellGradient, candidate), sigmoidDerivative(inputGate)),
        mul(mul(totalCellGradient, previousStates[1]), sigmoidDerivative(forgetGate)),
        mul(mul(totalCellGradient, inputGate), sub(1, square(candidate))),
        mul(mul(outputGradient, cellActivation), sigmoidDerivative(outputGate)),
      ],
      1,
    );
    return { preactivation, previousStates: [undefined, mul(totalCellGradient, forgetGate)] };
  }

  step(projected: Tensor, states: Tensor[], recurrent: Tensor[], recurrentMask: Tensor | undefined): Tensor[] {
    const [previousOutput, previousCell] = states;
    const previous = recurrentMask === undefined ? previousOutput : mul(previousOutput, recurrentMask);
    const [inputGate, forgetGate, candidate, outputGate] = split(add(projected, matmul(previous, recurrent[0])), 4, 1);
    const cell = add(
      mul(this.recurrentActivation(forgetGate), previousCell),
      mul(this.recurrentActivation(inputGate), this.activation(candidate)),
    );
    return [mul(this.recurrentActivation(outputGate), this.activation(cell)), cell];
  }
}
