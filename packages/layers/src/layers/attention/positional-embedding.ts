import {
  add,
  cast,
  checkValues,
  type DType,
  DTypeError,
  gather,
  InvalidArgumentError,
  notEqual,
  ShapeError,
  slice,
  type Tensor,
  type Variable,
} from '@tessera/core';
import type { ConstraintIdentifier } from '../../constraints/get-constraint';
import type { InitializerName } from '../../initializers/get-initializer';
import type { Initializer } from '../../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../../layer';
import type { RegularizerIdentifier } from '../../regularizers/get-regularizer';
import type { LayerConfig } from '../../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../../util/shape-format';
import { WeightSettings } from '../weight-settings';

export interface PositionalEmbeddingOptions extends LayerOptions {
  /** The longest sequence: one learned position vector per step. */
  sequenceLength: number;
  /** The vocabulary size: ids run from 0 to inputDim − 1. */
  inputDim: number;
  outputDim: number;
  /** Whether id 0 is padding, masked for the layers that follow. */
  maskZero?: boolean;
  /** For both tables (default uniform in [-0.05, 0.05), as KerasNLP's TokenAndPositionEmbedding). */
  embeddingsInitializer?: InitializerName | Initializer;
  embeddingsRegularizer?: RegularizerIdentifier;
  embeddingsConstraint?: ConstraintIdentifier;
}

function positiveInteger(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`PositionalEmbedding: ${option} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/**
 * Token embedding plus learned position embedding, as KerasNLP's TokenAndPositionEmbedding (a token Embedding
 * and a PositionEmbedding whose first `steps` rows are added to every example). Ids [batch, steps] with
 * steps ≤ sequenceLength give [batch, steps, outputDim]. Weights, in KerasNLP's order:
 * `token_embedding/embeddings` [inputDim, outputDim], `position_embedding/embeddings` [sequenceLength, outputDim].
 */
export class PositionalEmbedding extends Layer {
  readonly sequenceLength: number;
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  private readonly embeddingsSettings: WeightSettings;
  private tokenEmbeddings: Variable | undefined;
  private positionEmbeddings: Variable | undefined;

  constructor(options: PositionalEmbeddingOptions) {
    super('positional_embedding', options);
    this.sequenceLength = positiveInteger(options?.sequenceLength, 'sequenceLength');
    this.inputDim = positiveInteger(options.inputDim, 'inputDim');
    this.outputDim = positiveInteger(options.outputDim, 'outputDim');
    this.maskZero = options.maskZero ?? false;
    if (typeof this.maskZero !== 'boolean') {
      throw new InvalidArgumentError(
        `PositionalEmbedding: maskZero must be a boolean, got ${String(options.maskZero)}`,
      );
    }
    this.embeddingsSettings = new WeightSettings(
      {
        initializer: options.embeddingsInitializer,
        regularizer: options.embeddingsRegularizer,
        constraint: options.embeddingsConstraint,
      },
      'randomUniform',
      'PositionalEmbedding',
    );
  }

  get className(): string {
    return 'PositionalEmbedding';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      sequenceLength: this.sequenceLength,
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      maskZero: this.maskZero,
      ...this.embeddingsSettings.config('embeddings'),
    };
  }

  /** With maskZero, id 0 is padding: steps holding it are masked out for the layers that follow. */
  override computeMask(inputs: readonly Tensor[], _mask: Tensor | undefined): Tensor | undefined {
    return this.maskZero ? notEqual(inputs[0], 0) : undefined;
  }

  override buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    if (inputShapes.length !== 1) {
      throw new InvalidArgumentError(
        `PositionalEmbedding (${this.name}): expected one input, got ${inputShapes.length}`,
      );
    }
    this.outputShapeFor(inputShapes);
    const { initializer, weightOptions } = this.embeddingsSettings;
    const tableShape = [this.inputDim, this.outputDim];
    this.tokenEmbeddings = this.addWeight('token_embedding/embeddings', tableShape, initializer, weightOptions);
    const positionShape = [this.sequenceLength, this.outputDim];
    this.positionEmbeddings = this.addWeight(
      'position_embedding/embeddings',
      positionShape,
      initializer,
      weightOptions,
    );
    // Any length up to sequenceLength works once built.
    this.markBuilt([[inputShapes[0][0], null]]);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const steps = inputShape[1];
    if (inputShape.length !== 2 || (typeof steps === 'number' && steps > this.sequenceLength)) {
      throw new ShapeError(
        `PositionalEmbedding (${this.name}): expected ids [batch, steps] with steps ≤ ${this.sequenceLength}, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    return [...inputShape, this.outputDim];
  }

  override outputDTypeFor(_inputDTypes: readonly DType[]): DType {
    return 'float32';
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    this.computeOutputShape(input.shape);
    if (input.dtype !== 'int32' && input.dtype !== 'float32') {
      throw new DTypeError(
        `PositionalEmbedding (${this.name}): expected int32 (or float32 holding integers) ids, got ${input.dtype}`,
      );
    }
    this.assertValidIds(input);
    const ids = input.dtype === 'int32' ? input : cast(input, 'int32');
    const tokens = gather(this.tokenEmbeddings as Variable, ids, 0);
    const positions = slice(this.positionEmbeddings as Variable, [0, 0], [input.shape[1], this.outputDim]);
    return add(tokens, positions);
  }

  /** Checks the ids where they can be read synchronously (the CPU backend): gather would not. */
  private assertValidIds(input: Tensor): void {
    checkValues(input, (values) => {
      const position = values.findIndex((id) => !Number.isInteger(id) || id < 0 || id >= this.inputDim);
      if (position >= 0) {
        throw new InvalidArgumentError(
          `PositionalEmbedding (${this.name}): ids must be integers in [0, ${this.inputDim}), got ${values[position]} at position ${position}`,
        );
      }
    });
  }
}
