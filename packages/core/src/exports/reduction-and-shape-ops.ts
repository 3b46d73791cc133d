// Reductions, shape manipulation and small linear-algebra helpers composed from the core ops.

export { all } from '../ops/all';
export { any } from '../ops/any';
export { argMax } from '../ops/arg-max';
export { argMin } from '../ops/arg-min';
export { dot } from '../ops/dot';
export { expandDims } from '../ops/expand-dims';
export { flatten } from '../ops/flatten';
export { logSumExp } from '../ops/log-sum-exp';
export { mean } from '../ops/mean';
export { type Moments, moments } from '../ops/moments';
export { outer } from '../ops/outer';
export { reverse } from '../ops/reverse';
export { split } from '../ops/split';
export { squeeze } from '../ops/squeeze';
export { stack } from '../ops/stack';
export { tile } from '../ops/tile';
export { unstack } from '../ops/unstack';
export { variance } from '../ops/variance';
