/**
 * @tessera/layers: Keras-like layers, losses, metrics, initializers and the Sequential model with
 * compile / fit / evaluate / predict / summary.
 */

export { type ActivationFunction, type ActivationName, getActivation } from './activations/get-activation';
export { constant } from './initializers/constant';
export { getInitializer, type InitializerName } from './initializers/get-initializer';
export { glorotNormal } from './initializers/glorot-normal';
export { glorotUniform } from './initializers/glorot-uniform';
export { heNormal } from './initializers/he-normal';
export { heUniform } from './initializers/he-uniform';
export type { Initializer, SeedOptions } from './initializers/initializer';
export { lecunNormal } from './initializers/lecun-normal';
export { onesInitializer as ones } from './initializers/ones-initializer';
export {
  type RandomNormalOptions,
  randomNormalInitializer as randomNormal,
} from './initializers/random-normal-initializer';
export { type VarianceScalingOptions, varianceScaling } from './initializers/variance-scaling';
export { zerosInitializer as zeros } from './initializers/zeros-initializer';
export { type CallOptions, Layer, type LayerOptions } from './layer';
export { Activation, type ActivationOptions } from './layers/activation';
export { Conv2D, type Conv2DOptions } from './layers/conv2d-layer';
export { Dense, type DenseOptions } from './layers/dense';
export { Dropout, type DropoutLayerOptions } from './layers/dropout-layer';
export { Flatten } from './layers/flatten';
export { MaxPool2D, type MaxPool2DOptions } from './layers/max-pool2d-layer';
export { Reshape, type ReshapeOptions } from './layers/reshape-layer';
export { binaryCrossentropy } from './losses/binary-crossentropy';
export { categoricalCrossentropy } from './losses/categorical-crossentropy';
export { getLoss, type LossName } from './losses/get-loss';
export type { CrossentropyOptions, LossFunction } from './losses/loss-function';
export { meanAbsoluteError } from './losses/mean-absolute-error';
export { meanSquaredError } from './losses/mean-squared-error';
export { sparseCategoricalCrossentropy } from './losses/sparse-categorical-crossentropy';
export { accuracy } from './metrics/accuracy';
export { binaryAccuracy } from './metrics/binary-accuracy';
export { categoricalAccuracy } from './metrics/categorical-accuracy';
export { getMetric, type MetricFunction, type MetricName } from './metrics/get-metric';
export { sparseCategoricalAccuracy } from './metrics/sparse-categorical-accuracy';
export type { Callback, Logs } from './models/callback';
export { progressLogger } from './models/progress-logger';
export type { OptimizerLike } from './models/resolve-optimizer';
export type { FitOptions, History } from './models/run-fit';
export { type BatchOptions, type CompileOptions, Sequential } from './models/sequential';
export type { SymbolicShape } from './util/shape-format';
