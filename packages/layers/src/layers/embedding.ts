import {
  cast,
  checkValues,
  type DType,
  DTypeError,
  gather,
  InvalidArgumentError,
  notEqual,
  ShapeError,
  type Tensor,
  type Variable,
} from '@tessera/core';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { WeightSettings } from './weight-settings';

export interface EmbeddingOptions extends LayerOptions {
  /** The vocabulary size: ids run from 0 to inputDim − 1. */
  inputDim: number;
  /** The length of each embedding vector. */
  outputDim: number;
  /** Default: uniform in [-0.05, 0.05), as Keras. */
  embeddingsInitializer?: InitializerName | Initializer;
  embeddingsRegularizer?: RegularizerIdentifier;
  embeddingsConstraint?: ConstraintIdentifier;
  /** Whether id 0 is padding to be masked downstream (stored; mask propagation is not implemented yet). */
  maskZero?: boolean;
  /** The length of the input sequences (or the shape of each example) when fixed. */
  inputLength?: number | number[];
}

function assertPositiveInteger(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`Embedding: ${option} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/**
 * Maps integer ids to rows of a learned `[inputDim, outputDim]` table: output shape is the input shape plus
 * `outputDim`. Ids are int32; float ids must hold exact integers and are converted to int32.
 */
export class Embedding extends Layer {
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  readonly inputLength: number | readonly number[] | undefined;
  private readonly embeddingsSettings: WeightSettings;
  private embeddings: Variable | undefined;

  constructor(options: EmbeddingOptions) {
    super('embedding', options);
    this.inputDim = assertPositiveInteger(options?.inputDim, 'inputDim');
    this.outputDim = assertPositiveInteger(options.outputDim, 'outputDim');
    this.maskZero = options.maskZero ?? false;
    if (typeof this.maskZero !== 'boolean') {
      throw new InvalidArgumentError(`Embedding: maskZero must be a boolean, got ${String(options.maskZero)}`);
    }
    const inputLength = options.inputLength;
    if (inputLength !== undefined) {
      const lengths = Array.isArray(inputLength) ? inputLength : [inputLength];
      if (lengths.length === 0 || !lengths.every((length) => Number.isInteger(length) && length > 0)) {
        throw new InvalidArgumentError(
          `Embedding: inputLength must be a positive integer or an array of them, got ${JSON.stringify(inputLength)}`,
        );
      }
    }
    this.inputLength = Array.isArray(inputLength) ? [...inputLength] : inputLength;
    this.embeddingsSettings = new WeightSettings(
      {
        initializer: options.embeddingsInitializer,
        regularizer: options.embeddingsRegularizer,
        constraint: options.embeddingsConstraint,
      },
      'randomUniform',
      'Embedding',
    );
  }

  /** The ids' axes carry no weight shape: any sequence length works after the first call. */
  protected override get checkedInputAxes(): readonly number[] {
    return [];
  }

  /** With maskZero, id 0 is padding: steps holding it are masked out for the layers that follow. */
  override computeMask(inputs: readonly Tensor[], _mask: Tensor | undefined): Tensor | undefined {
    return this.maskZero ? notEqual(inputs[0], 0) : undefined;
  }

  get className(): string {
    return 'Embedding';
  }

  override getConfig(): LayerConfig {
    const config: LayerConfig = {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      maskZero: this.maskZero,
      ...this.embeddingsSettings.config('embeddings'),
    };
    if (this.inputLength !== undefined) {
      config.inputLength = typeof this.inputLength === 'number' ? this.inputLength : [...this.inputLength];
    }
    return config;
  }

  override build(inputShape: SymbolicShape): void {
    this.computeOutputShape(inputShape);
    this.embeddings = this.addWeight(
      'embeddings',
      [this.inputDim, this.outputDim],
      this.embeddingsSettings.initializer,
      this.embeddingsSettings.weightOptions,
    );
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    if (inputShape.length < 1) {
      throw new ShapeError(`Embedding (${this.name}): expected input with a batch axis, got a scalar`);
    }
    if (this.inputLength !== undefined) {
      const expected = typeof this.inputLength === 'number' ? [this.inputLength] : this.inputLength;
      const actual = inputShape.slice(1);
      const matches =
        actual.length === expected.length && actual.every((size, axis) => size === null || size === expected[axis]);
      if (!matches) {
        throw new ShapeError(
          `Embedding (${this.name}): inputLength ${JSON.stringify(this.inputLength)} does not match input shape ${formatSymbolicShape(inputShape)}`,
        );
      }
    }
    return [...inputShape, this.outputDim];
  }

  override outputDTypeFor(_inputDTypes: readonly DType[]): DType {
    return 'float32';
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    if (input.dtype !== 'int32' && input.dtype !== 'float32') {
      throw new DTypeError(
        `Embedding (${this.name}): expected int32 (or float32 holding integers) ids, got ${input.dtype}`,
      );
    }
    this.assertValidIds(input);
    const ids = input.dtype === 'int32' ? input : cast(input, 'int32');
    return gather(this.embeddings as Variable, ids, 0);
  }

  /**
   * Checks the ids where the values can be read synchronously (the CPU backend), before any conversion; through
   * `checkValues`, so that a compiled training step repeats the check on every batch.
   */
  private assertValidIds(input: Tensor): void {
    checkValues(input, (values) => {
      for (let position = 0; position < values.length; position++) {
        const id = values[position];
        if (!Number.isInteger(id)) {
          throw new InvalidArgumentError(
            `Embedding (${this.name}): ids must be integers, got ${id} at position ${position}`,
          );
        }
        if (id < 0 || id >= this.inputDim) {
          throw new InvalidArgumentError(
            `Embedding (${this.name}): id ${id} at position ${position} is out of range [0, ${this.inputDim})`,
          );
        }
      }
    });
  }
}
