/**
 * A float64 multi-head attention written with plain loops, independent of the layer's tensor code, for tests:
 * tfjs-layers 4.22 has no MultiHeadAttention to compare against.
 */
export interface ReferenceAttentionInput {
  query: ArrayLike<number>;
  /** [batch, querySteps, queryFeatures] */
  queryShape: readonly number[];
  value: ArrayLike<number>;
  /** [batch, keySteps, valueFeatures] */
  valueShape: readonly number[];
  key?: ArrayLike<number>;
  keyShape?: readonly number[];
  /** Weight values in the layer's order (biases omitted when useBias is false). */
  weights: ReadonlyArray<ArrayLike<number>>;
  numHeads: number;
  keyDim: number;
  valueDim: number;
  outputSize: number;
  useBias: boolean;
  /** Whether query step t of example b may attend to key step s. */
  allowed?: (batchIndex: number, queryStep: number, keyStep: number) => boolean;
}

/** Projects [batch, steps, features] with kernel [features, heads, size] (+ bias [heads, size]). */
function project(
  input: ArrayLike<number>,
  [batch, steps, features]: readonly number[],
  kernel: ArrayLike<number>,
  bias: ArrayLike<number> | undefined,
  heads: number,
  size: number,
): number[][][][] {
  const result: number[][][][] = [];
  for (let b = 0; b < batch; b++) {
    result.push([]);
    for (let head = 0; head < heads; head++) {
      result[b].push([]);
      for (let step = 0; step < steps; step++) {
        const row: number[] = [];
        for (let unit = 0; unit < size; unit++) {
          let total = bias === undefined ? 0 : bias[head * size + unit];
          for (let feature = 0; feature < features; feature++) {
            total += input[(b * steps + step) * features + feature] * kernel[(feature * heads + head) * size + unit];
          }
          row.push(total);
        }
        result[b][head].push(row);
      }
    }
  }
  return result;
}

/** The output [batch, querySteps, outputSize] and the attention probabilities [batch, heads, querySteps, keySteps]. */
export function referenceAttention(input: ReferenceAttentionInput): { output: number[]; scores: number[] } {
  const { numHeads, keyDim, valueDim, outputSize, useBias } = input;
  const weight = (() => {
    let position = 0;
    return (present: boolean) => (present ? input.weights[position++] : undefined);
  })();
  const queryKernel = weight(true) as ArrayLike<number>;
  const queryBias = weight(useBias);
  const keyKernel = weight(true) as ArrayLike<number>;
  const keyBias = weight(useBias);
  const valueKernel = weight(true) as ArrayLike<number>;
  const valueBias = weight(useBias);
  const outputKernel = weight(true) as ArrayLike<number>;
  const outputBias = weight(useBias);
  const key = input.key ?? input.value;
  const keyShape = input.keyShape ?? input.valueShape;
  const queries = project(input.query, input.queryShape, queryKernel, queryBias, numHeads, keyDim);
  const keys = project(key, keyShape, keyKernel, keyBias, numHeads, keyDim);
  const values = project(input.value, input.valueShape, valueKernel, valueBias, numHeads, valueDim);
  const [batch, querySteps] = input.queryShape;
  const keySteps = keyShape[1];
  const output: number[] = [];
  const scores: number[] = [];
  const contexts: number[][][][] = [];
  for (let b = 0; b < batch; b++) {
    contexts.push([]);
    for (let head = 0; head < numHeads; head++) {
      contexts[b].push([]);
      for (let t = 0; t < querySteps; t++) {
        const logits = keys[b][head].map((keyRow, s) => {
          if (input.allowed !== undefined && !input.allowed(b, t, s)) return -1e9;
          let dot = 0;
          for (let unit = 0; unit < keyDim; unit++) dot += queries[b][head][t][unit] * keyRow[unit];
          return dot / Math.sqrt(keyDim);
        });
        const largest = Math.max(...logits);
        const exponentials = logits.map((logit) => Math.exp(logit - largest));
        const total = exponentials.reduce((sum, term) => sum + term, 0);
        const probabilities = exponentials.map((term) => term / total);
        scores.push(...probabilities);
        const context = new Array<number>(valueDim).fill(0);
        for (let s = 0; s < keySteps; s++) {
          for (let unit = 0; unit < valueDim; unit++) context[unit] += probabilities[s] * values[b][head][s][unit];
        }
        contexts[b][head].push(context);
      }
    }
    for (let t = 0; t < querySteps; t++) {
      for (let out = 0; out < outputSize; out++) {
        let total = outputBias === undefined ? 0 : outputBias[out];
        for (let head = 0; head < numHeads; head++) {
          for (let unit = 0; unit < valueDim; unit++) {
            total += contexts[b][head][t][unit] * outputKernel[(head * valueDim + unit) * outputSize + out];
          }
        }
        output.push(total);
      }
    }
  }
  return { output, scores };
}
