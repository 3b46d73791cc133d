import { Activation } from '../layers/activation';
import { Add } from '../layers/add-layer';
import { MultiHeadAttention } from '../layers/attention/multi-head-attention';
import { PositionalEmbedding } from '../layers/attention/positional-embedding';
import { TransformerDecoderBlock } from '../layers/attention/transformer-decoder-block';
import { TransformerEncoderBlock } from '../layers/attention/transformer-encoder-block';
import { AveragePooling1D } from '../layers/average-pooling1d';
import { AveragePooling2D } from '../layers/average-pooling2d';
import { BatchNormalization } from '../layers/batch-normalization';
import { Concatenate } from '../layers/concatenate';
import { Conv1D } from '../layers/conv1d-layer';
import { Conv2D } from '../layers/conv2d-layer';
import { Conv2DTranspose } from '../layers/conv2d-transpose-layer';
import { Dense } from '../layers/dense';
import { DepthwiseConv2D } from '../layers/depthwise-conv2d-layer';
import { Dropout } from '../layers/dropout-layer';
import { Embedding } from '../layers/embedding';
import { Flatten } from '../layers/flatten';
import { GlobalAveragePooling2D } from '../layers/global-average-pooling2d';
import { GlobalMaxPooling2D } from '../layers/global-max-pooling2d';
import { LayerNormalization } from '../layers/layer-normalization';
import { Masking } from '../layers/masking-layer';
import { MaxPool2D } from '../layers/max-pool2d-layer';
import { MaxPooling1D } from '../layers/max-pooling1d';
import { Multiply } from '../layers/multiply-layer';
import { Permute } from '../layers/permute';
import { Bidirectional } from '../layers/recurrent/bidirectional';
import { GRU } from '../layers/recurrent/gru';
import { GRUCell } from '../layers/recurrent/gru-cell';
import { LSTM } from '../layers/recurrent/lstm';
import { LSTMCell } from '../layers/recurrent/lstm-cell';
import { RNN } from '../layers/recurrent/rnn';
import { SimpleRNN } from '../layers/recurrent/simple-rnn';
import { SimpleRNNCell } from '../layers/recurrent/simple-rnn-cell';
import { TimeDistributed } from '../layers/recurrent/time-distributed';
import { Reshape } from '../layers/reshape-layer';
import { SeparableConv2D } from '../layers/separable-conv2d-layer';
import type { LayerClass } from './layer-registry';

/** Layer classes `loadModel` knows by their `className`; a function so nothing runs at import time. */
export function builtinLayerClasses(): Record<string, LayerClass> {
  return {
    Bidirectional,
    GRU,
    GRUCell,
    LSTM,
    LSTMCell,
    MultiHeadAttention,
    PositionalEmbedding,
    RNN,
    SimpleRNN,
    SimpleRNNCell,
    TimeDistributed,
    TransformerDecoderBlock,
    TransformerEncoderBlock,
    Add,
    AveragePooling1D,
    AveragePooling2D,
    BatchNormalization,
    Concatenate,
    Embedding,
    GlobalAveragePooling2D,
    GlobalMaxPooling2D,
    LayerNormalization,
    MaxPooling1D,
    Masking,
    Multiply,
    Permute,
    Activation,
    Conv1D,
    Conv2D,
    Conv2DTranspose,
    DepthwiseConv2D,
    SeparableConv2D,
    Dense,
    Dropout,
    Flatten,
    MaxPool2D,
    MaxPooling2D: MaxPool2D,
    Reshape,
  } as unknown as Record<string, LayerClass>;
}
