import * as tf from '@tensorflow/tfjs';
import {
  add,
  logSoftmax,
  matmul,
  mean,
  mul,
  neg,
  relu,
  scalar,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  type Variable,
  variable,
  variableGrads,
} from '@tessera/core';
import type { PreparedRun } from '../frameworks/framework';
import { SeededValues } from '../inputs/seeded-values';
import type { BenchCase } from './bench-case';

const batchSize = 128;
const inputUnits = 784;
const hiddenUnits = 128;
const classes = 10;
const learningRate = 0.1;

/** The initial parameters and one batch, shared by every framework so that their first losses match. */
interface MlpData {
  inputs: Float32Array;
  labels: Float32Array;
  hiddenWeights: Float32Array;
  hiddenBias: Float32Array;
  outputWeights: Float32Array;
  outputBias: Float32Array;
}

function createMlpData(): MlpData {
  const random = new SeededValues(784);
  return {
    inputs: random.uniform(batchSize * inputUnits),
    labels: random.oneHot(batchSize, classes),
    // He initialisation keeps the ReLU activations, and so the timing of later steps, in a realistic range.
    hiddenWeights: random.normal(inputUnits * hiddenUnits, Math.sqrt(2 / inputUnits)),
    hiddenBias: new Float32Array(hiddenUnits),
    outputWeights: random.normal(hiddenUnits * classes, Math.sqrt(2 / hiddenUnits)),
    outputBias: new Float32Array(classes),
  };
}

/**
 * One plain-SGD training step of an MNIST-sized MLP (784 → 128 ReLU → 10, softmax cross-entropy on the logits):
 * forward, backward and the update of all four variables. Small matrices make this case sensitive to per-op
 * overhead (dispatch, tape, allocation) as much as to kernel speed.
 */
export function mlpStepCase(): BenchCase {
  const data = createMlpData();
  return {
    name: `MLP ${inputUnits}-${hiddenUnits}-${classes} training step, batch ${batchSize}`,
    target: { minimumSpeedupOverTfjsCpu: 5 },
    prepareTessera: () => prepareTesseraStep(data),
    prepareTfjs: () => prepareTfjsStep(data),
  };
}

function prepareTesseraStep(data: MlpData): PreparedRun {
  const inputs = tensor(data.inputs.slice(), [batchSize, inputUnits]);
  const labels = tensor(data.labels.slice(), [batchSize, classes]);
  const rate = scalar(learningRate);
  // Each prepared run gets fresh variables; the names only need to be unique while they are alive.
  const [hiddenWeights, hiddenBias, outputWeights, outputBias] = tidy(() => [
    variable(tensor(data.hiddenWeights.slice(), [inputUnits, hiddenUnits]), { name: 'bench-mlp/hidden-weights' }),
    variable(tensor(data.hiddenBias.slice(), [hiddenUnits]), { name: 'bench-mlp/hidden-bias' }),
    variable(tensor(data.outputWeights.slice(), [hiddenUnits, classes]), { name: 'bench-mlp/output-weights' }),
    variable(tensor(data.outputBias.slice(), [classes]), { name: 'bench-mlp/output-bias' }),
  ]);
  const parameters: Variable[] = [hiddenWeights, hiddenBias, outputWeights, outputBias];
  const loss = (): Tensor => {
    const hidden = relu(add(matmul(inputs, hiddenWeights), hiddenBias));
    const logits = add(matmul(hidden, outputWeights), outputBias);
    return neg(mean(sum(mul(labels, logSoftmax(logits)), 1)));
  };
  return {
    runOnce: () =>
      tidy(() => {
        const { value, grads } = variableGrads(loss, parameters);
        for (const parameter of parameters) parameter.assign(sub(parameter, mul(grads[parameter.name], rate)));
        // Reading the last-updated variable as well as the loss makes sure the updates are part of the timed work.
        // Both are tiny, so reading them inside tidy costs nothing (tfjs's tidy walks returned typed arrays).
        return [value.dataSync() as Float32Array, outputBias.dataSync() as Float32Array];
      }),
    dispose: () => {
      for (const tensorToFree of [inputs, labels, rate, ...parameters]) tensorToFree.dispose();
    },
  };
}

function prepareTfjsStep(data: MlpData): PreparedRun {
  const inputs = tf.tensor2d(data.inputs.slice(), [batchSize, inputUnits]);
  const labels = tf.tensor2d(data.labels.slice(), [batchSize, classes]);
  const rate = tf.scalar(learningRate);
  // tf.variable keeps its initial tensor alive beside the variable; tidy frees those initial tensors.
  const parameters = tf.tidy(() => [
    tf.variable(tf.tensor2d(data.hiddenWeights.slice(), [inputUnits, hiddenUnits])),
    tf.variable(tf.tensor1d(data.hiddenBias.slice())),
    tf.variable(tf.tensor2d(data.outputWeights.slice(), [hiddenUnits, classes])),
    tf.variable(tf.tensor1d(data.outputBias.slice())),
  ]);
  const [hiddenWeights, hiddenBias, outputWeights, outputBias] = parameters;
  // The same composition as Tessera's loss (not tf.losses.softmaxCrossEntropy), so both run the same ops.
  const loss = (): tf.Scalar => {
    const hidden = tf.relu(tf.add(tf.matMul(inputs, hiddenWeights), hiddenBias));
    const logits = tf.add(tf.matMul(hidden, outputWeights), outputBias);
    return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.logSoftmax(logits)), 1))) as tf.Scalar;
  };
  return {
    runOnce: () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, parameters);
        for (const parameter of parameters) parameter.assign(tf.sub(parameter, tf.mul(grads[parameter.name], rate)));
        return [value.dataSync() as Float32Array, outputBias.dataSync() as Float32Array];
      }),
    dispose: () => tf.dispose([inputs, labels, rate, ...parameters]),
  };
}
