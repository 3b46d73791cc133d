import {
  add,
  dropout,
  expandDims,
  InvalidArgumentError,
  matmul,
  mul,
  reshape,
  ShapeError,
  softmax,
  type Tensor,
  transpose,
  type Variable,
  where,
} from '@tessera/core';
import type { ConstraintIdentifier } from '../../constraints/get-constraint';
import type { InitializerName } from '../../initializers/get-initializer';
import type { Initializer } from '../../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../../layer';
import type { RegularizerIdentifier } from '../../regularizers/get-regularizer';
import type { LayerConfig } from '../../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../../util/shape-format';
import { WeightSettings } from '../weight-settings';
import { checkAttentionInputShapes } from './attention-input-shapes';
import {
  causalAttentionMask,
  checkedAttentionMask,
  combineAttentionMasks,
  keyPaddingAttentionMask,
} from './attention-mask';

export interface MultiHeadAttentionOptions extends LayerOptions {
  numHeads: number;
  /** The size of each head's query and key projections. */
  keyDim: number;
  /** The size of each head's value projection (default keyDim). */
  valueDim?: number;
  /** Dropout rate on the attention probabilities while training, in [0, 1). */
  dropout?: number;
  useBias?: boolean;
  /** The last axis of the output (default: the query's last axis). Keras also takes a tuple; only a size here. */
  outputShape?: number;
  /**
   * Whether each query step attends only to key steps at or before it. Keras passes `use_causal_mask` at call
   * time; here `apply` takes only { training, mask }, so it is fixed per layer (`applyWithOptions` overrides it).
   */
  useCausalMask?: boolean;
  /** Makes attention dropout reproducible: call n uses seed + n. */
  seed?: number;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

export interface AttentionCallOptions {
  /** Bool (or 0/1) of shape [batch, querySteps, keySteps]; size-1 axes broadcast. False: do not attend. */
  attentionMask?: Tensor;
  training?: boolean;
  /** Also return the attention probabilities [batch, numHeads, querySteps, keySteps] (before dropout). */
  returnAttentionScores?: boolean;
  /** Overrides the layer's `useCausalMask` for this call, like Keras's call argument. */
  useCausalMask?: boolean;
}

export interface AttentionResult {
  output: Tensor;
  scores?: Tensor;
}

/** Keras's value for float32: far below any real logit, yet exp() of it is exactly 0 without NaNs. */
const LARGE_NEGATIVE = -1e9;

function positiveInteger(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`MultiHeadAttention: ${option} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/**
 * Keras's MultiHeadAttention over inputs [batch, steps, features]: `apply([query, value])` or
 * `apply([query, value, key])` (self-attention: `apply([x, x])`). Weights, in Keras's order and layout:
 * query/kernel [queryFeatures, numHeads, keyDim], query/bias [numHeads, keyDim], key/kernel, key/bias,
 * value/kernel [valueFeatures, numHeads, valueDim], value/bias, attention_output/kernel [numHeads, valueDim,
 * outputSize], attention_output/bias [outputSize].
 *
 * Masks: `options.mask` is the query's padding mask [batch, querySteps]. When the value is the query itself
 * (self-attention), it also masks the keys, as Keras does through the value's mask. Padded query rows are not
 * zeroed (their outputs are meaningless and later layers should keep ignoring them through the mask, which
 * `computeMask` passes on).
 */
export class MultiHeadAttention extends Layer {
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly dropout: number;
  readonly useBias: boolean;
  readonly outputShape: number | undefined;
  readonly useCausalMask: boolean;
  private readonly seed: number | undefined;
  private readonly kernelSettings: WeightSettings;
  private readonly biasSettings: WeightSettings;
  private projections: Array<{ kernel: Variable; bias: Variable | undefined }> = [];
  private dropoutCalls = 0;

  constructor(options: MultiHeadAttentionOptions) {
    super('multi_head_attention', options);
    this.numHeads = positiveInteger(options?.numHeads, 'numHeads');
    this.keyDim = positiveInteger(options.keyDim, 'keyDim');
    this.valueDim = positiveInteger(options.valueDim ?? options.keyDim, 'valueDim');
    this.dropout = options.dropout ?? 0;
    if (typeof this.dropout !== 'number' || !(this.dropout >= 0 && this.dropout < 1)) {
      throw new InvalidArgumentError(
        `MultiHeadAttention: dropout must be a number in [0, 1), got ${String(this.dropout)}`,
      );
    }
    this.useBias = options.useBias ?? true;
    this.outputShape =
      options.outputShape === undefined ? undefined : positiveInteger(options.outputShape, 'outputShape');
    this.useCausalMask = options.useCausalMask ?? false;
    if (typeof this.useBias !== 'boolean' || typeof this.useCausalMask !== 'boolean') {
      throw new InvalidArgumentError('MultiHeadAttention: useBias and useCausalMask must be booleans');
    }
    if (options.seed !== undefined && !(Number.isSafeInteger(options.seed) && options.seed >= 0)) {
      throw new InvalidArgumentError(
        `MultiHeadAttention: seed must be a non-negative safe integer, got ${options.seed}`,
      );
    }
    this.seed = options.seed;
    const weightOptions = (kind: 'kernel' | 'bias') => ({
      initializer: options[`${kind}Initializer`],
      regularizer: options[`${kind}Regularizer`],
      constraint: options[`${kind}Constraint`],
    });
    this.kernelSettings = new WeightSettings(weightOptions('kernel'), 'glorotUniform', 'MultiHeadAttention');
    this.biasSettings = new WeightSettings(weightOptions('bias'), 'zeros', 'MultiHeadAttention');
  }

  get className(): string {
    return 'MultiHeadAttention';
  }

  /** How errors name this layer. */
  private get context(): string {
    return `MultiHeadAttention (${this.name})`;
  }

  /** The output has the query's steps, so the query's mask still describes it. */
  protected override get supportsMasking(): boolean {
    return true;
  }

  override getConfig(): LayerConfig {
    const config: LayerConfig = {
      ...super.getConfig(),
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      dropout: this.dropout,
      useBias: this.useBias,
      useCausalMask: this.useCausalMask,
      ...this.kernelSettings.config('kernel'),
      ...this.biasSettings.config('bias'),
    };
    if (this.outputShape !== undefined) config.outputShape = this.outputShape;
    if (this.seed !== undefined) config.seed = this.seed;
    return config;
  }

  override buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    const [queryShape, valueShape, keyShape] = checkAttentionInputShapes(inputShapes, this.context);
    const featuresOf = (shape: SymbolicShape) => shape[2] as number;
    const outputSize = this.outputShape ?? featuresOf(queryShape);
    const projection = (name: string, kernelShape: number[], biasShape: number[]) => {
      const { kernelSettings, biasSettings } = this;
      const kernel = this.addWeight(
        `${name}/kernel`,
        kernelShape,
        kernelSettings.initializer,
        kernelSettings.weightOptions,
      );
      const bias = this.useBias
        ? this.addWeight(`${name}/bias`, biasShape, biasSettings.initializer, biasSettings.weightOptions)
        : undefined;
      return { kernel, bias };
    };
    const { numHeads, keyDim, valueDim } = this;
    this.projections = [
      projection('query', [featuresOf(queryShape), numHeads, keyDim], [numHeads, keyDim]),
      projection('key', [featuresOf(keyShape), numHeads, keyDim], [numHeads, keyDim]),
      projection('value', [featuresOf(valueShape), numHeads, valueDim], [numHeads, valueDim]),
      projection('attention_output', [numHeads, valueDim, outputSize], [outputSize]),
    ];
    // Sequence lengths may change between calls; only the feature axes are fixed by the weights.
    this.markBuilt(inputShapes.map((shape) => [shape[0], null, shape[2]]));
  }

  override outputShapeFor(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    const [queryShape] = checkAttentionInputShapes(inputShapes, this.context);
    return [queryShape[0], queryShape[1], this.outputShape ?? queryShape[2]];
  }

  override callOnInputs(inputs: readonly Tensor[], options: CallOptions): Tensor {
    const selfAttention = inputs[1] === inputs[0] && (inputs[2] === undefined || inputs[2] === inputs[0]);
    const keyMask =
      options.mask !== undefined && selfAttention ? keyPaddingAttentionMask(options.mask, this.context) : undefined;
    return this.attend(inputs, { training: options.training, attentionMask: keyMask }).output;
  }

  /** Eager attention with the call arguments `apply` cannot carry: an attention mask and the scores. */
  applyWithOptions(inputs: readonly Tensor[], options: AttentionCallOptions = {}): AttentionResult {
    if (!Array.isArray(inputs)) {
      throw new InvalidArgumentError(
        `MultiHeadAttention (${this.name}): expected [query, value] or [query, value, key]`,
      );
    }
    if (!this.isBuilt) this.buildFromShapes(inputs.map((input) => input.shape));
    return this.attend(inputs, options);
  }

  private attend(inputs: readonly Tensor[], options: AttentionCallOptions): AttentionResult {
    const [queryShape, valueShape, keyShape] = checkAttentionInputShapes(
      inputs.map((input) => input.shape),
      this.context,
    );
    const [query, value] = inputs;
    const key = inputs[2] ?? value;
    const [queryProjection, keyProjection, valueProjection, outputProjection] = this.projections;
    this.checkFeatures([queryShape, keyShape, valueShape], [queryProjection, keyProjection, valueProjection]);
    const batch = query.shape[0];
    const querySteps = query.shape[1];
    const keySteps = key.shape[1];
    // Scaling the query (not the logits) as Keras does keeps the rounding identical.
    const queryHeads = mul(this.project(query, queryProjection), 1 / Math.sqrt(this.keyDim));
    const keyHeads = this.project(key, keyProjection);
    const valueHeads = this.project(value, valueProjection);
    let logits = matmul(queryHeads, keyHeads, { transposeB: true });
    const mask = combineAttentionMasks([
      options.attentionMask === undefined
        ? undefined
        : checkedAttentionMask(options.attentionMask, [batch, querySteps, keySteps], this.context),
      (options.useCausalMask ?? this.useCausalMask) ? causalAttentionMask(querySteps, keySteps) : undefined,
    ]);
    if (mask !== undefined) logits = where(expandDims(mask, 1), logits, LARGE_NEGATIVE);
    const scores = softmax(logits, -1);
    const dropped =
      options.training === true && this.dropout > 0
        ? dropout(scores, this.dropout, { seed: this.seed === undefined ? undefined : this.seed + this.dropoutCalls++ })
        : scores;
    const attended = transpose(matmul(dropped, valueHeads), [0, 2, 1, 3]);
    const outputKernel = outputProjection.kernel;
    const outputSize = outputKernel.shape[2];
    const merged = reshape(attended, [batch * querySteps, this.numHeads * this.valueDim]);
    let output = matmul(merged, reshape(outputKernel, [this.numHeads * this.valueDim, outputSize]));
    if (outputProjection.bias !== undefined) output = add(output, outputProjection.bias);
    output = reshape(output, [batch, querySteps, outputSize]);
    return options.returnAttentionScores === true ? { output, scores } : { output };
  }

  /** [batch, steps, features] → [batch, numHeads, steps, headSize]. */
  private project(input: Tensor, projection: { kernel: Variable; bias: Variable | undefined }): Tensor {
    const [batch, steps, features] = input.shape;
    const [, heads, headSize] = projection.kernel.shape;
    let flat = matmul(
      reshape(input, [batch * steps, features]),
      reshape(projection.kernel, [features, heads * headSize]),
    );
    if (projection.bias !== undefined) flat = add(flat, reshape(projection.bias, [heads * headSize]));
    return transpose(reshape(flat, [batch, steps, heads, headSize]), [0, 2, 1, 3]);
  }

  private checkFeatures(shapes: readonly SymbolicShape[], projections: ReadonlyArray<{ kernel: Variable }>): void {
    const names = ['query', 'key', 'value'];
    shapes.forEach((shape, position) => {
      const expected = projections[position].kernel.shape[0];
      if (shape[2] !== expected) {
        throw new ShapeError(
          `MultiHeadAttention (${this.name}): ${names[position]} must have ${expected} features, got ${formatSymbolicShape(shape)}`,
        );
      }
    });
  }
}
