/**
 * @tessera/layers: Keras-like layers, losses, metrics, initializers and the Sequential model with
 * compile / fit / evaluate / predict / summary.
 */

export { type ActivationFunction, type ActivationName, getActivation } from './activations/get-activation';
export { type CsvLoggerOptions, csvLogger } from './callbacks/csv-logger';
export { type EarlyStoppingCallback, type EarlyStoppingOptions, earlyStopping } from './callbacks/early-stopping';
export { lambdaCallback } from './callbacks/lambda-callback';
export { type LearningRateSchedulerOptions, learningRateScheduler } from './callbacks/learning-rate-scheduler';
export { type ModelCheckpointOptions, modelCheckpoint } from './callbacks/model-checkpoint';
export type { MonitorMode } from './callbacks/monitor-direction';
export { type ProgressBarOptions, progressBar } from './callbacks/progress-bar';
export type { ProgressStream } from './callbacks/progress-stream';
export { type ReduceLROnPlateauOptions, reduceLROnPlateau } from './callbacks/reduce-lr-on-plateau';
export { type TerminateOnNaNOptions, terminateOnNaN } from './callbacks/terminate-on-nan';
export type { Constraint } from './constraints/constraint';
export {
  type ConstraintConfig,
  type ConstraintIdentifier,
  type ConstraintName,
  getConstraint,
} from './constraints/get-constraint';
export { type MaxNormOptions, maxNorm } from './constraints/max-norm';
export { type MinMaxNormOptions, minMaxNorm } from './constraints/min-max-norm';
export { nonNeg } from './constraints/non-neg';
export { unitNorm } from './constraints/unit-norm';
export { type InputOptions, input } from './functional/input';
export { isSymbolicTensor, SymbolicTensor } from './functional/symbolic-tensor';
export { constant } from './initializers/constant';
export { getInitializer, type InitializerName } from './initializers/get-initializer';
export { glorotNormal } from './initializers/glorot-normal';
export { glorotUniform } from './initializers/glorot-uniform';
export { heNormal } from './initializers/he-normal';
export { heUniform } from './initializers/he-uniform';
export type { Initializer, SeedOptions } from './initializers/initializer';
export { lecunNormal } from './initializers/lecun-normal';
export { onesInitializer as ones } from './initializers/ones-initializer';
export { type OrthogonalOptions, orthogonal } from './initializers/orthogonal';
export {
  type RandomNormalOptions,
  randomNormalInitializer as randomNormal,
} from './initializers/random-normal-initializer';
export {
  type RandomUniformOptions,
  randomUniformInitializer as randomUniform,
} from './initializers/random-uniform-initializer';
export {
  type TruncatedNormalOptions,
  truncatedNormalInitializer as truncatedNormal,
} from './initializers/truncated-normal-initializer';
export { type VarianceScalingOptions, varianceScaling } from './initializers/variance-scaling';
export { zerosInitializer as zeros } from './initializers/zeros-initializer';
export { listModels, removeModel } from './io/indexeddb-model-list';
export { loadModelArtifacts, type ModelArtifacts, type NamedTensor, saveModelArtifacts } from './io/model-artifacts';
export { ModelFormatError, type ModelFormatErrorReason } from './io/model-format-error';
export type { ModelStorageHandler, StoredFile, StoredModelFiles, StoredModelReader } from './io/model-storage-handler';
export { listModelStorageSchemes, registerModelStorageHandler } from './io/model-storage-registry';
export type { FetchFunction, LoadOptions, SaveOptions, SaveResult } from './io/storage-options';
export { type CallOptions, Layer, type LayerOptions, type WeightEntry, type WeightOptions } from './layer';
export { Activation, type ActivationOptions } from './layers/activation';
export { Add } from './layers/add-layer';
export { CompositeLayer } from './layers/attention/composite-layer';
export {
  type AttentionCallOptions,
  type AttentionResult,
  MultiHeadAttention,
  type MultiHeadAttentionOptions,
} from './layers/attention/multi-head-attention';
export { PositionalEmbedding, type PositionalEmbeddingOptions } from './layers/attention/positional-embedding';
export type { TransformerBlockOptions } from './layers/attention/transformer-block';
export {
  type DecoderCallOptions,
  TransformerDecoderBlock,
  type TransformerDecoderBlockOptions,
} from './layers/attention/transformer-decoder-block';
export {
  TransformerEncoderBlock,
  type TransformerEncoderBlockOptions,
} from './layers/attention/transformer-encoder-block';
export { AveragePooling1D, AveragePooling1D as AvgPool1D } from './layers/average-pooling1d';
export {
  AveragePooling2D,
  AveragePooling2D as AvgPool2D,
  type AveragePooling2DOptions,
} from './layers/average-pooling2d';
export { BatchNormalization, type BatchNormalizationOptions } from './layers/batch-normalization';
export { Concatenate, type ConcatenateOptions } from './layers/concatenate';
export { Conv1D, type Conv1DOptions } from './layers/conv1d-layer';
export { Conv2D, type Conv2DOptions } from './layers/conv2d-layer';
export { Conv2DTranspose, type Conv2DTransposeOptions } from './layers/conv2d-transpose-layer';
export { Dense, type DenseOptions } from './layers/dense';
export { DepthwiseConv2D, type DepthwiseConv2DOptions } from './layers/depthwise-conv2d-layer';
export { Dropout, type DropoutLayerOptions } from './layers/dropout-layer';
export { Embedding, type EmbeddingOptions } from './layers/embedding';
export type { FlattenOptions } from './layers/flatten';
export { Flatten } from './layers/flatten';
export { GlobalAveragePooling2D, GlobalAveragePooling2D as GlobalAvgPool2D } from './layers/global-average-pooling2d';
export { GlobalMaxPooling2D, GlobalMaxPooling2D as GlobalMaxPool2D } from './layers/global-max-pooling2d';
export { GlobalPooling2D, type GlobalPooling2DOptions } from './layers/global-pooling2d';
export { LayerNormalization, type LayerNormalizationOptions } from './layers/layer-normalization';
export { Masking, type MaskingOptions } from './layers/masking-layer';
export { MaxPool2D, MaxPool2D as MaxPooling2D, type MaxPool2DOptions } from './layers/max-pool2d-layer';
export { MaxPooling1D, MaxPooling1D as MaxPool1D } from './layers/max-pooling1d';
export { MergeLayer } from './layers/merge-layer';
export { Multiply } from './layers/multiply-layer';
export { Permute, type PermuteOptions } from './layers/permute';
export { Pooling1D, type Pooling1DOptions } from './layers/pooling1d';
export {
  Bidirectional,
  type BidirectionalMergeMode,
  type BidirectionalOptions,
} from './layers/recurrent/bidirectional';
export { GRU, type GRUOptions } from './layers/recurrent/gru';
export { GRUCell, type GRUCellOptions } from './layers/recurrent/gru-cell';
export { LSTM, type LSTMOptions } from './layers/recurrent/lstm';
export { LSTMCell, type LSTMCellOptions } from './layers/recurrent/lstm-cell';
export {
  type CachedBackward,
  type CachedStep,
  type GatedCellOptions,
  type PreactivationGradient,
  RecurrentCell,
  type RecurrentCellOptions,
} from './layers/recurrent/recurrent-cell';
export { type RecurrentLayerOptions, RNN, type RNNOptions } from './layers/recurrent/rnn';
export { SimpleRNN, type SimpleRNNOptions } from './layers/recurrent/simple-rnn';
export { SimpleRNNCell, type SimpleRNNCellOptions } from './layers/recurrent/simple-rnn-cell';
export { TimeDistributed, type TimeDistributedOptions } from './layers/recurrent/time-distributed';
export { Reshape, type ReshapeOptions } from './layers/reshape-layer';
export { SeparableConv2D, type SeparableConv2DOptions } from './layers/separable-conv2d-layer';
export { binaryCrossentropy } from './losses/binary-crossentropy';
export { categoricalCrossentropy } from './losses/categorical-crossentropy';
export { categoricalHinge } from './losses/categorical-hinge';
export { type CosineSimilarityOptions, cosineSimilarity } from './losses/cosine-similarity';
export { getLoss, type LossName } from './losses/get-loss';
export { hinge } from './losses/hinge';
export { type HuberOptions, huber } from './losses/huber';
export { kullbackLeiblerDivergence } from './losses/kullback-leibler-divergence';
export { logCosh } from './losses/log-cosh';
export type { CrossentropyOptions, LossFunction } from './losses/loss-function';
export { meanAbsoluteError } from './losses/mean-absolute-error';
export { meanSquaredError } from './losses/mean-squared-error';
export { meanSquaredLogarithmicError } from './losses/mean-squared-logarithmic-error';
export { sparseCategoricalCrossentropy } from './losses/sparse-categorical-crossentropy';
export { accuracy } from './metrics/accuracy';
export { Auc, type AucOptions, auc } from './metrics/auc';
export { binaryAccuracy } from './metrics/binary-accuracy';
export { categoricalAccuracy } from './metrics/categorical-accuracy';
export type { ConfusionCounts } from './metrics/confusion-accumulator';
export {
  type ConfusionCell,
  ConfusionCountMetric,
  falseNegatives,
  falsePositives,
  trueNegatives,
  truePositives,
} from './metrics/confusion-count-metric';
export { getMetric, type MetricFunction, type MetricName } from './metrics/get-metric';
export { MeanMetricWrapper } from './metrics/mean-metric-wrapper';
export { isMetric, type Metric } from './metrics/metric';
export { Precision, precision, type ThresholdMetricOptions } from './metrics/precision';
export { Recall, recall } from './metrics/recall';
export { type MetricIdentifier, resolveMetric, type StatefulMetricName } from './metrics/resolve-metric';
export { sparseCategoricalAccuracy } from './metrics/sparse-categorical-accuracy';
export { sparseTopKCategoricalAccuracy } from './metrics/sparse-top-k-categorical-accuracy';
export { ThresholdMetric } from './metrics/threshold-metric';
export { type TopKOptions, topKCategoricalAccuracy } from './metrics/top-k-categorical-accuracy';
export type { Callback, Logs, TrainingModel, TrainingParams } from './models/callback';
export type { ClassWeight } from './models/class-weights';
export type { CompileOptions, LossIdentifier } from './models/compile-model';
export { type BatchOptions, type EvaluateOptions, LayersModel } from './models/layers-model';
export { type LoadModelOptions, loadModel } from './models/load-model';
export { Model, type ModelOptions } from './models/model';
export { progressLogger } from './models/progress-logger';
export type { OptimizerLike } from './models/resolve-optimizer';
export type { FitOptions, History } from './models/run-fit';
export type { SaveModelOptions } from './models/save-model';
export { Sequential } from './models/sequential';
export type { TensorOrList } from './models/tensor-list';
export {
  getRegularizer,
  type RegularizerConfig,
  type RegularizerIdentifier,
  type RegularizerName,
} from './regularizers/get-regularizer';
export { l1 } from './regularizers/l1';
export { type L1L2Options, l1l2 } from './regularizers/l1l2';
export { l2 } from './regularizers/l2';
export type { Regularizer } from './regularizers/regularizer';
export { type LayerClass, layerFromConfig, registerLayer } from './serialization/layer-registry';
export { type ImportTfjsModelOptions, importTfjsModel, type TfjsModelArtifacts } from './tfjs-import/import-tfjs-model';
export type { JsonValue, LayerConfig } from './util/json-value';
export type { SymbolicShape } from './util/shape-format';
