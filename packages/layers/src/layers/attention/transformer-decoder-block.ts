import { InvalidArgumentError, type Tensor } from '@tessera/core';
import type { CallOptions } from '../../layer';
import type { SymbolicShape } from '../../util/shape-format';
import type { Dense } from '../dense';
import type { LayerNormalization } from '../layer-normalization';
import { keyPaddingAttentionMask } from './attention-mask';
import type { MultiHeadAttention } from './multi-head-attention';
import { TransformerBlock, type TransformerBlockOptions } from './transformer-block';

export type TransformerDecoderBlockOptions = TransformerBlockOptions;

export interface DecoderCallOptions {
  /** [batch, decoderSteps]: which decoder steps are real. */
  decoderPaddingMask?: Tensor;
  /** [batch, encoderSteps]: which encoder steps cross-attention may look at. */
  encoderPaddingMask?: Tensor;
  training?: boolean;
}

interface DecoderParts {
  selfAttention: MultiHeadAttention;
  selfAttentionNorm: LayerNormalization;
  crossAttention: MultiHeadAttention | undefined;
  crossAttentionNorm: LayerNormalization | undefined;
  intermediate: Dense;
  output: Dense;
  feedForwardNorm: LayerNormalization;
}

/**
 * KerasNLP's TransformerDecoder: causal self-attention, then (when applied to `[x, encoderOutput]`)
 * cross-attention from x to the encoder output, then the feed-forward network; each sub-block with a residual
 * connection and LayerNormalization (pre-norm with `normFirst`). Whether it has cross-attention is fixed by the
 * first call. `options.mask` is the decoder's padding mask; the encoder's padding mask has no place in `apply`'s
 * options, so pass it through `applyWithMasks`. Weights, in KerasNLP's order: self_attention/…,
 * self_attention_layer_norm, [cross_attention/…, cross_attention_layer_norm], feedforward_intermediate_dense,
 * feedforward_output_dense, feedforward_layer_norm.
 */
export class TransformerDecoderBlock extends TransformerBlock {
  private parts: DecoderParts | undefined;

  constructor(options: TransformerDecoderBlockOptions) {
    super('transformer_decoder_block', 'TransformerDecoderBlock', options);
  }

  get className(): string {
    return 'TransformerDecoderBlock';
  }

  override buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    if (inputShapes.length !== 1 && inputShapes.length !== 2) {
      throw new InvalidArgumentError(
        `TransformerDecoderBlock (${this.name}): expected [x] or [x, encoderOutput], got ${inputShapes.length} inputs`,
      );
    }
    const modelSize = this.modelSize(inputShapes[0], 'a decoder input');
    const sequenceShape = [null, null, modelSize];
    const selfAttention = this.createAttention('self_attention', modelSize, [sequenceShape, sequenceShape]);
    const selfAttentionNorm = this.createLayerNorm('self_attention_layer_norm', modelSize);
    let crossAttention: MultiHeadAttention | undefined;
    let crossAttentionNorm: LayerNormalization | undefined;
    if (inputShapes.length === 2) {
      const encoderSize = this.modelSize(inputShapes[1], 'an encoder output');
      crossAttention = this.createAttention('cross_attention', modelSize, [sequenceShape, [null, null, encoderSize]]);
      crossAttentionNorm = this.createLayerNorm('cross_attention_layer_norm', modelSize);
    }
    const { intermediate, output } = this.createFeedForward(modelSize);
    const feedForwardNorm = this.createLayerNorm('feedforward_layer_norm', modelSize);
    this.parts = {
      selfAttention,
      selfAttentionNorm,
      crossAttention,
      crossAttentionNorm,
      intermediate,
      output,
      feedForwardNorm,
    };
    this.markBuilt(inputShapes.map((shape) => [shape[0], null, shape[2]]));
  }

  override outputShapeFor(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    this.modelSize(inputShapes[0], 'a decoder input');
    return inputShapes[0];
  }

  override callOnInputs(inputs: readonly Tensor[], options: CallOptions): Tensor {
    return this.decode(inputs, { decoderPaddingMask: options.mask, training: options.training });
  }

  /** Eager decoding with both padding masks. */
  applyWithMasks(inputs: readonly Tensor[], options: DecoderCallOptions = {}): Tensor {
    if (!Array.isArray(inputs)) {
      throw new InvalidArgumentError(`TransformerDecoderBlock (${this.name}): expected [x] or [x, encoderOutput]`);
    }
    if (!this.isBuilt) this.buildFromShapes(inputs.map((input) => input.shape));
    return this.decode(inputs, options);
  }

  private decode(inputs: readonly Tensor[], options: DecoderCallOptions): Tensor {
    const parts = this.parts as DecoderParts;
    const context = `TransformerDecoderBlock (${this.name})`;
    const [x, encoderOutput] = inputs;
    if ((encoderOutput === undefined) !== (parts.crossAttention === undefined)) {
      throw new InvalidArgumentError(
        `${context}: was built ${parts.crossAttention === undefined ? 'without' : 'with'} cross-attention, got ${inputs.length} inputs`,
      );
    }
    const training = options.training ?? false;
    const mask = (padding: Tensor | undefined) =>
      padding === undefined ? undefined : keyPaddingAttentionMask(padding, context);
    const selfMask = mask(options.decoderPaddingMask);
    let hidden = this.residual(
      x,
      parts.selfAttentionNorm,
      training,
      (normalized) =>
        parts.selfAttention.applyWithOptions([normalized, normalized], {
          attentionMask: selfMask,
          useCausalMask: true,
          training,
        }).output,
    );
    const { crossAttention, crossAttentionNorm } = parts;
    if (crossAttention !== undefined && crossAttentionNorm !== undefined) {
      const crossMask = mask(options.encoderPaddingMask);
      hidden = this.residual(
        hidden,
        crossAttentionNorm,
        training,
        (normalized) =>
          crossAttention.applyWithOptions([normalized, encoderOutput], { attentionMask: crossMask, training }).output,
      );
    }
    return this.residual(hidden, parts.feedForwardNorm, training, (normalized) =>
      parts.output.apply(parts.intermediate.apply(normalized)),
    );
  }
}
