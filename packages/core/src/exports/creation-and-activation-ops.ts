// Creation, random and activation ops.

export { clipByValue } from '../ops/clip-by-value';
export { type DropoutOptions, dropout } from '../ops/dropout';
export { elu } from '../ops/elu';
export { eye } from '../ops/eye';
export { gelu } from '../ops/gelu';
export { leakyRelu } from '../ops/leaky-relu';
export { linspace } from '../ops/linspace';
export { oneHot } from '../ops/one-hot';
export { randomNormal } from '../ops/random-normal';
export { randomUniform } from '../ops/random-uniform';
export { range } from '../ops/range';
export { relu6 } from '../ops/relu6';
export { selu } from '../ops/selu';
export { silu } from '../ops/silu';
export { softplus } from '../ops/softplus';
export { truncatedNormal } from '../ops/truncated-normal';
export type { RandomOptions } from '../random/random-options';
