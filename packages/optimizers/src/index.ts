/**
 * @tessera/optimizers: the `Optimizer` base, SGD, Adam, AdamW, RMSprop, Adagrad, Adadelta, Adamax,
 * learning-rate schedules and gradient clipping.
 */
export { Adadelta, type AdadeltaOptions, adadelta } from './adadelta';
export { Adagrad, type AdagradOptions, adagrad } from './adagrad';
export { Adam, type AdamOptions, adam } from './adam';
export { Adamax, type AdamaxOptions, adamax } from './adamax';
export { AdamW, type AdamWOptions, adamw } from './adamw';
export type { ClipOptions } from './clip-gradients';
export { type CosineDecayOptions, cosineDecay } from './cosine-decay';
export { createOptimizer, type OptimizerName, type OptimizerOptionsByName } from './create-optimizer';
export { type ExponentialDecayOptions, exponentialDecay } from './exponential-decay';
export { type LinearWarmupOptions, linearWarmup } from './linear-warmup';
export {
  type LearningRate,
  type LearningRateSchedule,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
} from './optimizer';
export { type PiecewiseConstantOptions, piecewiseConstant } from './piecewise-constant';
export { RMSprop, type RmspropOptions, rmsprop } from './rmsprop';
export { SGD, type SgdOptions, sgd } from './sgd';
