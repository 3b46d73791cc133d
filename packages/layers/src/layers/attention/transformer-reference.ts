import { referenceAttention } from './attention-reference';

/**
 * Float64 Transformer blocks composed by hand from a block's weights (looked up by their saved keys), for tests:
 * KerasNLP's TransformerEncoder/TransformerDecoder computations written with plain arrays.
 */
export type WeightsByKey = ReadonlyMap<string, ArrayLike<number>>;

export interface ReferenceBlockSettings {
  numHeads: number;
  intermediateDim: number;
  normFirst: boolean;
  epsilon: number;
  /** [batch, steps, modelSize] */
  shape: readonly number[];
}

type Allowed = (batchIndex: number, queryStep: number, keyStep: number) => boolean;

function weight(weights: WeightsByKey, key: string): ArrayLike<number> {
  const found = weights.get(key);
  if (found === undefined) throw new Error(`reference: no weight ${key}`);
  return found;
}

function layerNorm(values: readonly number[], size: number, weights: WeightsByKey, prefix: string, epsilon: number) {
  const gamma = weight(weights, `${prefix}/gamma`);
  const beta = weight(weights, `${prefix}/beta`);
  const result: number[] = [];
  for (let start = 0; start < values.length; start += size) {
    const row = values.slice(start, start + size);
    const mean = row.reduce((sum, value) => sum + value, 0) / size;
    const variance = row.reduce((sum, value) => sum + (value - mean) ** 2, 0) / size;
    row.forEach((value, unit) => {
      result.push(((value - mean) / Math.sqrt(variance + epsilon)) * gamma[unit] + beta[unit]);
    });
  }
  return result;
}

function dense(
  values: readonly number[],
  inputSize: number,
  units: number,
  weights: WeightsByKey,
  prefix: string,
  relu: boolean,
) {
  const kernel = weight(weights, `${prefix}/kernel`);
  const bias = weight(weights, `${prefix}/bias`);
  const result: number[] = [];
  for (let start = 0; start < values.length; start += inputSize) {
    for (let unit = 0; unit < units; unit++) {
      let total = bias[unit];
      for (let feature = 0; feature < inputSize; feature++)
        total += values[start + feature] * kernel[feature * units + unit];
      result.push(relu ? Math.max(0, total) : total);
    }
  }
  return result;
}

function attention(
  query: readonly number[],
  queryShape: readonly number[],
  value: readonly number[],
  valueShape: readonly number[],
  weights: WeightsByKey,
  prefix: string,
  numHeads: number,
  allowed: Allowed,
) {
  const parts = ['query', 'key', 'value', 'attention_output'].flatMap((part) => [
    weight(weights, `${prefix}/${part}/kernel`),
    weight(weights, `${prefix}/${part}/bias`),
  ]);
  const headSize = queryShape[2] / numHeads;
  return referenceAttention({
    query,
    queryShape,
    value,
    valueShape,
    weights: parts,
    numHeads,
    keyDim: headSize,
    valueDim: headSize,
    outputSize: queryShape[2],
    useBias: true,
    allowed,
  }).output;
}

function residual(
  x: number[],
  settings: ReferenceBlockSettings,
  weights: WeightsByKey,
  norm: string,
  sublayer: (input: number[]) => number[],
) {
  const size = settings.shape[2];
  const input = settings.normFirst ? layerNorm(x, size, weights, norm, settings.epsilon) : x;
  const sum = sublayer(input).map((value, position) => value + x[position]);
  return settings.normFirst ? sum : layerNorm(sum, size, weights, norm, settings.epsilon);
}

function feedForward(x: number[], settings: ReferenceBlockSettings, weights: WeightsByKey) {
  const size = settings.shape[2];
  const hidden = dense(x, size, settings.intermediateDim, weights, 'feedforward_intermediate_dense', true);
  return dense(hidden, settings.intermediateDim, size, weights, 'feedforward_output_dense', false);
}

export function referenceEncoder(
  x: number[],
  settings: ReferenceBlockSettings,
  weights: WeightsByKey,
  allowed: Allowed,
) {
  const { shape, numHeads } = settings;
  const attended = residual(x, settings, weights, 'self_attention_layer_norm', (input) =>
    attention(input, shape, input, shape, weights, 'self_attention', numHeads, allowed),
  );
  return residual(attended, settings, weights, 'feedforward_layer_norm', (input) =>
    feedForward(input, settings, weights),
  );
}

export function referenceDecoder(
  x: number[],
  settings: ReferenceBlockSettings,
  weights: WeightsByKey,
  selfAllowed: Allowed,
  encoder?: { values: number[]; shape: readonly number[]; allowed: Allowed },
) {
  const { shape, numHeads } = settings;
  let hidden = residual(x, settings, weights, 'self_attention_layer_norm', (input) =>
    attention(input, shape, input, shape, weights, 'self_attention', numHeads, selfAllowed),
  );
  if (encoder !== undefined) {
    hidden = residual(hidden, settings, weights, 'cross_attention_layer_norm', (input) =>
      attention(input, shape, encoder.values, encoder.shape, weights, 'cross_attention', numHeads, encoder.allowed),
    );
  }
  return residual(hidden, settings, weights, 'feedforward_layer_norm', (input) =>
    feedForward(input, settings, weights),
  );
}
