import { InvalidArgumentError, reshape, ShapeError, type Tensor, tidy, type Variable, variable } from '@tessera/core';
import type { Initializer } from './initializers/initializer';
import { formatSymbolicShape, type SymbolicShape } from './util/shape-format';
import { uniqueLayerName } from './util/unique-layer-name';

export interface LayerOptions {
  /** Unique; generated from the layer kind (`dense_1`) when omitted. Weight variables are `${name}/kernel`... */
  name?: string;
  trainable?: boolean;
  /** The shape of one example (no batch axis); only meaningful on a model's first layer. */
  inputShape?: readonly number[];
}

export interface CallOptions {
  /** Layers such as Dropout behave differently while training. */
  training?: boolean;
}

/**
 * A building block holding weights. Weights are created lazily by `build` on the first `apply`, once the input
 * shape is known, so a model can be declared without repeating every layer's input size.
 */
export abstract class Layer {
  readonly name: string;
  readonly inputShape: readonly number[] | undefined;
  private built = false;
  private isTrainable: boolean;
  private builtInputShape: SymbolicShape | undefined;
  private readonly weightList: Variable[] = [];

  constructor(kind: string, options: LayerOptions = {}) {
    if (options.name !== undefined && (typeof options.name !== 'string' || options.name.length === 0)) {
      throw new InvalidArgumentError(`${kind}: name must be a non-empty string, got ${String(options.name)}`);
    }
    if (options.inputShape !== undefined) {
      const valid =
        Array.isArray(options.inputShape) && options.inputShape.every((size) => Number.isInteger(size) && size > 0);
      if (!valid) {
        throw new InvalidArgumentError(
          `${kind}: inputShape must be an array of positive integers, got ${JSON.stringify(options.inputShape)}`,
        );
      }
    }
    this.name = options.name ?? uniqueLayerName(kind);
    this.isTrainable = options.trainable ?? true;
    this.inputShape = options.inputShape === undefined ? undefined : [...options.inputShape];
  }

  /** The layer kind as shown by `summary()` (`Dense`). */
  abstract get className(): string;

  get isBuilt(): boolean {
    return this.built;
  }

  get trainable(): boolean {
    return this.isTrainable;
  }

  set trainable(value: boolean) {
    this.isTrainable = value;
    for (const weight of this.weightList) weight.trainable = value;
  }

  get weights(): Variable[] {
    return [...this.weightList];
  }

  get trainableWeights(): Variable[] {
    return this.weightList.filter((weight) => weight.trainable);
  }

  get nonTrainableWeights(): Variable[] {
    return this.weightList.filter((weight) => !weight.trainable);
  }

  /** Creates the weights for inputs of `inputShape` (batch axis included, possibly null). */
  build(inputShape: SymbolicShape): void {
    this.builtInputShape = [...inputShape];
    this.built = true;
  }

  /** The forward computation on a built layer. */
  abstract call(input: Tensor, options: CallOptions): Tensor;

  /** The output shape for an input shape; the default keeps the shape. */
  computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return inputShape;
  }

  /** Builds on first use, checks the input against the built shape, then runs `call`. */
  apply(input: Tensor, options: CallOptions = {}): Tensor {
    if (!this.built) this.build(input.shape);
    this.assertCompatible(input.shape);
    return this.call(input, { training: options.training ?? false });
  }

  /** Copies of the current weight values, in creation order; the caller owns them. */
  getWeights(): Tensor[] {
    return this.weightList.map((weight) => reshape(weight, weight.shape));
  }

  /** Replaces every weight; shapes must match those of `weights` exactly. */
  setWeights(values: readonly Tensor[]): void {
    if (!Array.isArray(values) || values.length !== this.weightList.length) {
      throw new InvalidArgumentError(
        `${this.name}.setWeights: expected ${this.weightList.length} tensors, got ${Array.isArray(values) ? values.length : typeof values}`,
      );
    }
    values.forEach((value: Tensor, index) => {
      const target = this.weightList[index];
      const same =
        value.shape.length === target.shape.length &&
        value.shape.every((size: number, axis: number) => size === target.shape[axis]);
      if (!same) {
        throw new ShapeError(
          `${this.name}.setWeights: weight ${index} (${target.name}) has shape ${formatSymbolicShape(target.shape)}, got ${formatSymbolicShape(value.shape)}`,
        );
      }
    });
    values.forEach((value, index) => {
      this.weightList[index].assign(value);
    });
  }

  countParams(): number {
    return this.weightList.reduce((total, weight) => total + weight.size, 0);
  }

  /** Frees the weights; the layer cannot be used afterwards. */
  dispose(): void {
    for (const weight of this.weightList) weight.dispose();
    this.weightList.length = 0;
  }

  /** Creates a weight variable named `${layerName}/${weightName}`. */
  protected addWeight(weightName: string, shape: readonly number[], initializer: Initializer): Variable {
    const initial = tidy(() => initializer(shape));
    try {
      const weight = variable(initial, { name: `${this.name}/${weightName}`, trainable: this.isTrainable });
      this.weightList.push(weight);
      return weight;
    } finally {
      initial.dispose();
    }
  }

  /** Every axis but the batch axis must match the shape the layer was built for. */
  private assertCompatible(shape: readonly number[]): void {
    const expected = this.builtInputShape;
    if (expected === undefined) return;
    const matches =
      shape.length === expected.length &&
      expected.every((size, axis) => axis === 0 || size === null || size === shape[axis]);
    if (!matches) {
      throw new ShapeError(
        `${this.className} (${this.name}): expected input of shape ${formatSymbolicShape([null, ...expected.slice(1)])}, got ${formatSymbolicShape(shape)}`,
      );
    }
  }
}
