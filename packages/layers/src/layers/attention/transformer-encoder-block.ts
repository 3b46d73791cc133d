import { InvalidArgumentError, type Tensor } from '@tessera/core';
import type { CallOptions } from '../../layer';
import type { SymbolicShape } from '../../util/shape-format';
import type { Dense } from '../dense';
import type { LayerNormalization } from '../layer-normalization';
import { keyPaddingAttentionMask } from './attention-mask';
import type { MultiHeadAttention } from './multi-head-attention';
import { TransformerBlock, type TransformerBlockOptions } from './transformer-block';

export type TransformerEncoderBlockOptions = TransformerBlockOptions;

interface EncoderParts {
  attention: MultiHeadAttention;
  attentionNorm: LayerNormalization;
  feedForwardNorm: LayerNormalization;
  intermediate: Dense;
  output: Dense;
}

/**
 * KerasNLP's TransformerEncoder on [batch, steps, modelSize]: self-attention (keyDim = modelSize / numHeads)
 * with a residual connection and LayerNormalization, then Dense(intermediateDim, activation) → Dense(modelSize)
 * with a residual connection and LayerNormalization; pre-norm with `normFirst`. The padding mask `options.mask`
 * [batch, steps] keeps every step from attending to padded steps. Weights, in KerasNLP's order:
 * self_attention/…, self_attention_layer_norm/{gamma,beta}, feedforward_layer_norm/{gamma,beta},
 * feedforward_intermediate_dense/{kernel,bias}, feedforward_output_dense/{kernel,bias}.
 */
export class TransformerEncoderBlock extends TransformerBlock {
  private parts: EncoderParts | undefined;

  constructor(options: TransformerEncoderBlockOptions) {
    super('transformer_encoder_block', 'TransformerEncoderBlock', options);
  }

  get className(): string {
    return 'TransformerEncoderBlock';
  }

  override buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    if (inputShapes.length !== 1) {
      throw new InvalidArgumentError(
        `TransformerEncoderBlock (${this.name}): expected one input, got ${inputShapes.length}`,
      );
    }
    const modelSize = this.modelSize(inputShapes[0], 'an input');
    const sequenceShape = [null, null, modelSize];
    this.parts = {
      attention: this.createAttention('self_attention', modelSize, [sequenceShape, sequenceShape]),
      attentionNorm: this.createLayerNorm('self_attention_layer_norm', modelSize),
      feedForwardNorm: this.createLayerNorm('feedforward_layer_norm', modelSize),
      ...this.createFeedForward(modelSize),
    };
    this.markBuilt([[inputShapes[0][0], null, modelSize]]);
  }

  override outputShapeFor(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    this.modelSize(inputShapes[0], 'an input');
    return inputShapes[0];
  }

  override callOnInputs(inputs: readonly Tensor[], options: CallOptions): Tensor {
    const parts = this.parts as EncoderParts;
    const [x] = inputs;
    const training = options.training ?? false;
    const attentionMask =
      options.mask === undefined
        ? undefined
        : keyPaddingAttentionMask(options.mask, `TransformerEncoderBlock (${this.name})`);
    const attended = this.residual(
      x,
      parts.attentionNorm,
      training,
      (normalized) => parts.attention.applyWithOptions([normalized, normalized], { attentionMask, training }).output,
    );
    return this.residual(attended, parts.feedForwardNorm, training, (normalized) =>
      parts.output.apply(parts.intermediate.apply(normalized)),
    );
  }
}
