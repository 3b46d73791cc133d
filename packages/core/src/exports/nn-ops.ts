// Neural-network ops: softmax family, convolutions, pooling, normalization and fused optimizer updates.

export { type AdamUpdateOptions, adamUpdate } from '../ops/adam-update';
export { avgPool2d } from '../ops/avg-pool2d';
export { batchNorm } from '../ops/batch-norm';
export { type Conv1dOptions, conv1d } from '../ops/conv1d';
export { type Conv2dOptions, conv2d } from '../ops/conv2d';
export { type Conv2dTransposeOptions, conv2dTranspose } from '../ops/conv2d-transpose';
export { type DepthwiseConv2dOptions, depthwiseConv2d } from '../ops/depthwise-conv2d';
export type { Padding2d } from '../ops/internal/resolve-padding';
export type { Pool2dOptions } from '../ops/internal/resolve-pool';
export { type LayerNormOptions, layerNorm } from '../ops/layer-norm';
export { logSoftmax } from '../ops/log-softmax';
export { maxPool2d } from '../ops/max-pool2d';
export { softmax } from '../ops/softmax';
