import { add, InvalidArgumentError, matmul, reshape, ShapeError, type Tensor, type Variable } from '@tessera/core';
import { type ActivationFunction, type ActivationName, getActivation } from '../activations/get-activation';
import { getInitializer, type InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

export interface DenseOptions extends LayerOptions {
  units: number;
  activation?: ActivationName | ActivationFunction;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
}

/** `activation(input · kernel + bias)` on the last axis; leading axes are treated as batch axes. */
export class Dense extends Layer {
  readonly units: number;
  readonly useBias: boolean;
  private readonly activation: ActivationFunction;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernel: Variable | undefined;
  private bias: Variable | undefined;

  constructor(options: DenseOptions) {
    super('dense', options);
    if (!Number.isInteger(options?.units) || options.units < 1) {
      throw new InvalidArgumentError(`Dense: units must be a positive integer, got ${String(options?.units)}`);
    }
    this.units = options.units;
    this.useBias = options.useBias ?? true;
    this.activation = getActivation(options.activation ?? 'linear', 'Dense');
    this.kernelInitializer = getInitializer(options.kernelInitializer ?? 'glorotUniform', 'Dense');
    this.biasInitializer = getInitializer(options.biasInitializer ?? 'zeros', 'Dense');
  }

  get className(): string {
    return 'Dense';
  }

  override build(inputShape: SymbolicShape): void {
    const inputSize = inputShape[inputShape.length - 1];
    if (inputShape.length < 2 || inputSize === null || inputSize === undefined) {
      throw new ShapeError(
        `Dense (${this.name}): expected an input of rank >= 2 with a known last axis, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    this.kernel = this.addWeight('kernel', [inputSize, this.units], this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], this.biasInitializer);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return [...inputShape.slice(0, -1), this.units];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const kernel = this.kernel as Variable;
    // matmul wants rank 2 here; extra leading axes are folded into the batch and restored afterwards.
    const flat = input.rank === 2 ? input : reshape(input, [-1, input.shape[input.rank - 1]]);
    const product = matmul(flat, kernel);
    const biased = this.bias === undefined ? product : add(product, this.bias);
    const activated = this.activation(biased);
    if (input.rank === 2) return activated;
    return reshape(activated, [...input.shape.slice(0, -1), this.units]);
  }
}
