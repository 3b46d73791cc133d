import { add, dropout, InvalidArgumentError, ShapeError, type Tensor } from '@tessera/core';
import { activationConfig } from '../../activations/activation-config';
import { type ActivationFunction, type ActivationName, getActivation } from '../../activations/get-activation';
import type { InitializerName } from '../../initializers/get-initializer';
import type { Initializer } from '../../initializers/initializer';
import type { LayerOptions } from '../../layer';
import type { LayerConfig } from '../../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../../util/shape-format';
import { Dense } from '../dense';
import { LayerNormalization } from '../layer-normalization';
import { CompositeLayer } from './composite-layer';
import { MultiHeadAttention } from './multi-head-attention';

export interface TransformerBlockOptions extends LayerOptions {
  /** Attention heads; the model size (the input's last axis) must be a multiple of it. */
  numHeads: number;
  /** The hidden size of the feed-forward network. */
  intermediateDim: number;
  /** Dropout rate after attention, after the feed-forward network, and on attention probabilities. */
  dropout?: number;
  /** Pre-norm (normalize before each sub-block) when true; post-norm (original Transformer) by default. */
  normFirst?: boolean;
  /** The feed-forward network's hidden activation (default 'relu'). */
  activation?: ActivationName | ActivationFunction;
  layerNormEpsilon?: number;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
}

/**
 * What KerasNLP's TransformerEncoder and TransformerDecoder share: options, the feed-forward network
 * Dense(intermediateDim, activation) → Dense(modelSize), and the residual wrapping of each sub-block with its
 * LayerNormalization before (pre-norm) or after (post-norm) the residual sum. Sub-layers are created when the
 * model size is known (on build) and their weights are exposed through the block.
 */
export abstract class TransformerBlock extends CompositeLayer {
  readonly numHeads: number;
  readonly intermediateDim: number;
  readonly dropout: number;
  readonly normFirst: boolean;
  readonly layerNormEpsilon: number;
  private readonly activationIdentifier: ActivationName | ActivationFunction;
  private readonly kernelInitializer: InitializerName | Initializer;
  private readonly biasInitializer: InitializerName | Initializer;

  constructor(kind: string, className: string, options: TransformerBlockOptions) {
    super(kind, options);
    const fail = (message: string) => new InvalidArgumentError(`${className}: ${message}`);
    for (const option of ['numHeads', 'intermediateDim'] as const) {
      const value = options?.[option];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        throw fail(`${option} must be a positive integer, got ${String(value)}`);
      }
    }
    this.numHeads = options.numHeads;
    this.intermediateDim = options.intermediateDim;
    this.dropout = options.dropout ?? 0;
    if (typeof this.dropout !== 'number' || !(this.dropout >= 0 && this.dropout < 1)) {
      throw fail(`dropout must be a number in [0, 1), got ${String(options.dropout)}`);
    }
    this.normFirst = options.normFirst ?? false;
    if (typeof this.normFirst !== 'boolean')
      throw fail(`normFirst must be a boolean, got ${String(options.normFirst)}`);
    this.layerNormEpsilon = options.layerNormEpsilon ?? 1e-5;
    if (typeof this.layerNormEpsilon !== 'number' || !(this.layerNormEpsilon >= 0)) {
      throw fail(`layerNormEpsilon must be a non-negative number, got ${String(options.layerNormEpsilon)}`);
    }
    this.activationIdentifier = options.activation ?? 'relu';
    getActivation(this.activationIdentifier, className);
    this.kernelInitializer = options.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = options.biasInitializer ?? 'zeros';
  }

  /** Each step is transformed in place, so the input's padding mask still describes the output. */
  protected override get supportsMasking(): boolean {
    return true;
  }

  override getConfig(): LayerConfig {
    const config: LayerConfig = {
      ...super.getConfig(),
      numHeads: this.numHeads,
      intermediateDim: this.intermediateDim,
      dropout: this.dropout,
      normFirst: this.normFirst,
      activation: activationConfig(this.activationIdentifier, `${this.className} (${this.name})`),
      layerNormEpsilon: this.layerNormEpsilon,
    };
    // A custom initializer has no portable form; saved weights replace it anyway.
    if (typeof this.kernelInitializer === 'string') config.kernelInitializer = this.kernelInitializer;
    if (typeof this.biasInitializer === 'string') config.biasInitializer = this.biasInitializer;
    return config;
  }

  /** The model size of an input [batch, steps, modelSize], checked against numHeads. */
  protected modelSize(shape: SymbolicShape, role: string): number {
    const size = shape[2];
    if (shape.length !== 3 || typeof size !== 'number') {
      throw new ShapeError(
        `${this.className} (${this.name}): expected ${role} [batch, steps, features], got ${formatSymbolicShape(shape)}`,
      );
    }
    return size;
  }

  protected createAttention(key: string, modelSize: number, inputShapes: SymbolicShape[]): MultiHeadAttention {
    if (modelSize % this.numHeads !== 0) {
      throw new InvalidArgumentError(
        `${this.className} (${this.name}): the model size ${modelSize} must be a multiple of numHeads ${this.numHeads}`,
      );
    }
    const attention = new MultiHeadAttention({
      name: this.subLayerName(key),
      numHeads: this.numHeads,
      keyDim: modelSize / this.numHeads,
      dropout: this.dropout,
      kernelInitializer: this.kernelInitializer,
      biasInitializer: this.biasInitializer,
    });
    attention.buildFromShapes(inputShapes);
    return this.track(key, attention);
  }

  protected createLayerNorm(key: string, modelSize: number): LayerNormalization {
    const norm = new LayerNormalization({ name: this.subLayerName(key), epsilon: this.layerNormEpsilon });
    norm.buildFromShapes([[null, null, modelSize]]);
    return this.track(key, norm);
  }

  protected createDense(
    key: string,
    inputSize: number,
    units: number,
    activation?: ActivationName | ActivationFunction,
  ): Dense {
    const dense = new Dense({
      name: this.subLayerName(key),
      units,
      activation,
      kernelInitializer: this.kernelInitializer,
      biasInitializer: this.biasInitializer,
    });
    dense.buildFromShapes([[null, null, inputSize]]);
    return this.track(key, dense);
  }

  /** The feed-forward network's two Dense layers, in KerasNLP's order. */
  protected createFeedForward(modelSize: number): { intermediate: Dense; output: Dense } {
    const intermediate = this.createDense(
      'feedforward_intermediate_dense',
      modelSize,
      this.intermediateDim,
      this.activationIdentifier,
    );
    const output = this.createDense('feedforward_output_dense', this.intermediateDim, modelSize);
    return { intermediate, output };
  }

  /** `x + dropout(sublayer(x))` with the normalization before the sub-block (pre-norm) or after the sum. */
  protected residual(
    x: Tensor,
    norm: LayerNormalization,
    training: boolean,
    sublayer: (normalized: Tensor) => Tensor,
  ): Tensor {
    const input = this.normFirst ? norm.apply(x) : x;
    const output = sublayer(input);
    // Plain dropout (no weights, no fixed shape), as KerasNLP's Dropout layers after each sub-block.
    const dropped = training && this.dropout > 0 ? dropout(output, this.dropout) : output;
    const sum = add(dropped, x);
    return this.normFirst ? sum : norm.apply(sum);
  }
}
