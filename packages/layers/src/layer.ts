import {
  add,
  type DType,
  InvalidArgumentError,
  registeredVariables,
  reshape,
  ShapeError,
  type Tensor,
  tidy,
  type Variable,
  variable,
} from '@tessera/core';
import type { Constraint } from './constraints/constraint';
import { isSymbolicTensor, SymbolicTensor } from './functional/symbolic-tensor';
import type { Initializer } from './initializers/initializer';
import type { Regularizer } from './regularizers/regularizer';
import { chargeWeightBudget } from './serialization/weight-budget';
import type { LayerConfig } from './util/json-value';
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
  /** Layers such as Dropout and BatchNormalization behave differently while training. */
  training?: boolean;
  /**
   * Which time steps of the (first) input are real, shape [batch, steps], bool: set by the model from the
   * previous layer's `computeMask` (`Embedding({ maskZero: true })`, `Masking`), read by layers that step through
   * time (recurrent layers, attention).
   */
  mask?: Tensor;
}

export interface WeightOptions {
  /** False for state such as BatchNormalization's moving statistics, which no optimizer may touch. */
  trainable?: boolean;
  regularizer?: Regularizer;
  constraint?: Constraint;
}

/** A weight with the short key it is saved under (`kernel`), relative to its layer's name. */
export interface WeightEntry {
  readonly key: string;
  readonly variable: Variable;
  readonly regularizer: Regularizer | undefined;
  readonly constraint: Constraint | undefined;
  /** Whether the weight trains while its layer is trainable. */
  readonly trainableWithLayer: boolean;
}

/** A variable name not in use yet: a second model loaded from the same file gets `dense_1/kernel_1`. */
function freeVariableName(base: string): string {
  const taken = new Set(registeredVariables().map((candidate) => candidate.name));
  if (!taken.has(base)) return base;
  let suffix = 1;
  while (taken.has(`${base}_${suffix}`)) suffix++;
  return `${base}_${suffix}`;
}

function expectOne<T>(values: readonly T[], layer: Layer): T {
  if (values.length !== 1) {
    throw new InvalidArgumentError(`${layer.className} (${layer.name}): expected one input, got ${values.length}`);
  }
  return values[0];
}

/**
 * A building block holding weights. Weights are created lazily by `build` on the first `apply`, once the input
 * shape is known, so a model can be declared without repeating every layer's input size. Single-input layers
 * implement `build`/`call`/`computeOutputShape`; layers taking a list (Add, Concatenate) override the
 * `...FromShapes`/`callOnInputs`/`outputShapeFor` trio instead.
 */
export abstract class Layer {
  readonly name: string;
  readonly inputShape: readonly number[] | undefined;
  private built = false;
  private isTrainable: boolean;
  private builtInputShapes: SymbolicShape[] | undefined;
  private readonly weightEntries: WeightEntry[] = [];

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

  /** The layer kind as shown by `summary()` and written into `model.json` (`Dense`). */
  abstract get className(): string;

  /** Constructor options as JSON; subclasses add their own fields to `super.getConfig()`. */
  getConfig(): LayerConfig {
    const config: LayerConfig = { name: this.name, trainable: this.isTrainable };
    if (this.inputShape !== undefined) config.inputShape = [...this.inputShape];
    return config;
  }

  get isBuilt(): boolean {
    return this.built;
  }

  get trainable(): boolean {
    return this.isTrainable;
  }

  set trainable(value: boolean) {
    this.isTrainable = value;
    for (const entry of this.weightEntries) entry.variable.trainable = value && entry.trainableWithLayer;
  }

  get weights(): Variable[] {
    return this.weightEntries.map((entry) => entry.variable);
  }

  /** Weights with the keys they are saved under, in creation order. */
  get namedWeights(): readonly WeightEntry[] {
    return [...this.weightEntries];
  }

  get trainableWeights(): Variable[] {
    return this.weights.filter((weight) => weight.trainable);
  }

  get nonTrainableWeights(): Variable[] {
    return this.weights.filter((weight) => !weight.trainable);
  }

  /** Creates the weights for inputs of `inputShape` (batch axis included, possibly null). */
  build(inputShape: SymbolicShape): void {
    this.builtInputShapes = [[...inputShape]];
    this.built = true;
  }

  /** The forward computation of a built single-input layer. */
  call(_input: Tensor, _options: CallOptions): Tensor {
    throw new InvalidArgumentError(`${this.className} (${this.name}): expected a list of inputs`);
  }

  /** The output shape for an input shape; the default keeps the shape. */
  computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return inputShape;
  }

  /** Builds for a list of input shapes; multi-input layers override it and call `markBuilt`. */
  buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    this.build(expectOne(inputShapes, this));
  }

  /** Runs a built layer on its inputs; multi-input layers override it. */
  callOnInputs(inputs: readonly Tensor[], options: CallOptions): Tensor {
    return this.call(expectOne(inputs, this), options);
  }

  /** The output shape for a list of input shapes; multi-input layers override it. */
  outputShapeFor(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    return this.computeOutputShape(expectOne(inputShapes, this));
  }

  /**
   * Whether the input's mask still describes this layer's output (element-wise and per-step layers: Dense,
   * Dropout, Activation...). Layers that change the time axis set it false or override `computeMask`.
   */
  protected get supportsMasking(): boolean {
    return false;
  }

  /** The mask of this layer's output, given its inputs and the mask of its (first) input. */
  computeMask(_inputs: readonly Tensor[], mask: Tensor | undefined): Tensor | undefined {
    return this.supportsMasking ? mask : undefined;
  }

  /**
   * Input axes fixed once the layer is built (negative counts from the end); the rest may vary between calls.
   * Most layers' weights depend on the last axis only; layers with no such dependence return [].
   */
  protected get checkedInputAxes(): readonly number[] {
    return [-1];
  }

  /** The output dtype; layers are float32 unless they say otherwise. */
  outputDTypeFor(_inputDTypes: readonly DType[]): DType {
    return 'float32';
  }

  /**
   * Applied to tensors, computes the output (building on first use). Applied to `SymbolicTensor`s from `input()`,
   * records a node of a functional model's graph and returns its symbolic output.
   */
  apply(input: SymbolicTensor | readonly SymbolicTensor[], options?: CallOptions): SymbolicTensor;
  apply(input: Tensor | readonly Tensor[], options?: CallOptions): Tensor;
  apply(
    input: Tensor | SymbolicTensor | readonly Tensor[] | readonly SymbolicTensor[],
    options: CallOptions = {},
  ): Tensor | SymbolicTensor {
    const inputs = (Array.isArray(input) ? [...input] : [input]) as Array<Tensor | SymbolicTensor>;
    if (inputs.length === 0) throw new InvalidArgumentError(`${this.className} (${this.name}): got no inputs`);
    const symbolicCount = inputs.filter(isSymbolicTensor).length;
    if (symbolicCount > 0) {
      if (symbolicCount !== inputs.length) {
        throw new InvalidArgumentError(
          `${this.className} (${this.name}): cannot mix SymbolicTensors from input() with concrete tensors`,
        );
      }
      const symbolic = inputs as SymbolicTensor[];
      const shapes = symbolic.map((tensor) => tensor.shape);
      if (!this.built) this.buildFromShapes(shapes);
      this.assertCompatible(shapes);
      const outputShape = this.outputShapeFor(shapes);
      const dtype = this.outputDTypeFor(symbolic.map((tensor) => tensor.dtype));
      return new SymbolicTensor(outputShape, dtype, this, symbolic, `${this.name}/output`);
    }
    const tensors = inputs as Tensor[];
    const shapes = tensors.map((tensor) => tensor.shape);
    if (!this.built) this.buildFromShapes(shapes);
    this.assertCompatible(shapes);
    return this.callOnInputs(tensors, { training: options.training ?? false, mask: options.mask });
  }

  /** Copies of the current weight values, in creation order; the caller owns them. */
  getWeights(): Tensor[] {
    return this.weights.map((weight) => reshape(weight, weight.shape));
  }

  /** Replaces every weight; shapes must match those of `weights` exactly. */
  setWeights(values: readonly Tensor[]): void {
    const weights = this.weights;
    if (!Array.isArray(values) || values.length !== weights.length) {
      throw new InvalidArgumentError(
        `${this.name}.setWeights: expected ${weights.length} tensors, got ${Array.isArray(values) ? values.length : typeof values}`,
      );
    }
    values.forEach((value: Tensor, index) => {
      const target = weights[index];
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
      weights[index].assign(value);
    });
  }

  countParams(): number {
    return this.weights.reduce((total, weight) => total + weight.size, 0);
  }

  /** The sum of this layer's weight penalties (a scalar), or undefined when it has none. */
  regularizationLoss(): Tensor | undefined {
    const penalties = this.weightEntries.filter((entry) => entry.regularizer !== undefined);
    if (penalties.length === 0) return undefined;
    return tidy(() =>
      penalties
        .map((entry) => (entry.regularizer as Regularizer)(entry.variable))
        .reduce((total, penalty) => add(total, penalty)),
    );
  }

  /** Projects constrained weights back into their allowed set; the training loop calls it after each step. */
  applyConstraints(): void {
    for (const entry of this.weightEntries) {
      if (entry.constraint === undefined || !entry.variable.trainable) continue;
      const constraint = entry.constraint;
      const projected = tidy(() => constraint(entry.variable));
      entry.variable.assign(projected);
      projected.dispose();
    }
  }

  /** Frees the weights; the layer cannot be used afterwards. */
  dispose(): void {
    for (const weight of this.weights) weight.dispose();
    this.weightEntries.length = 0;
  }

  /** For multi-input layers' `buildFromShapes`: records the shapes later inputs are checked against. */
  protected markBuilt(inputShapes: readonly SymbolicShape[]): void {
    this.builtInputShapes = inputShapes.map((shape) => [...shape]);
    this.built = true;
  }

  /** Creates a weight variable named `${layerName}/${weightName}` (with a suffix if that name is taken). */
  protected addWeight(
    weightName: string,
    shape: readonly number[],
    initializer: Initializer,
    options: WeightOptions = {},
  ): Variable {
    const trainableWithLayer = options.trainable ?? true;
    chargeWeightBudget(
      shape.reduce((product, size) => product * size, 1),
      `${this.name}/${weightName}`,
    );
    const initial = tidy(() => initializer(shape));
    try {
      const weight = variable(initial, {
        name: freeVariableName(`${this.name}/${weightName}`),
        trainable: this.isTrainable && trainableWithLayer,
      });
      this.weightEntries.push({
        key: weightName,
        variable: weight,
        regularizer: options.regularizer,
        constraint: options.constraint,
        trainableWithLayer,
      });
      return weight;
    } finally {
      initial.dispose();
    }
  }

  /** Every axis but the batch axis must match the shapes the layer was built for. */
  private assertCompatible(shapes: readonly SymbolicShape[]): void {
    const expected = this.builtInputShapes;
    if (expected === undefined) return;
    // Only the rank and the axes the weights depend on are fixed: other axes (sequence length, image size) may
    // change between calls, as in Keras.
    const constrained = (shape: SymbolicShape): SymbolicShape => {
      const checked = new Set(this.checkedInputAxes.map((axis) => (axis < 0 ? shape.length + axis : axis)));
      return shape.map((size, axis) => (checked.has(axis) && axis !== 0 ? size : null));
    };
    const matches =
      shapes.length === expected.length &&
      expected.every((expectedShape, position) => {
        const given = shapes[position];
        return (
          given.length === expectedShape.length &&
          constrained(expectedShape).every(
            (size, axis) => size === null || given[axis] === null || size === given[axis],
          )
        );
      });
    if (!matches) {
      throw new ShapeError(
        `${this.className} (${this.name}): expected input of shape ${expected.map((shape) => formatSymbolicShape(constrained(shape))).join(', ')}, got ${shapes.map((shape) => formatSymbolicShape(shape)).join(', ')}`,
      );
    }
  }
}
