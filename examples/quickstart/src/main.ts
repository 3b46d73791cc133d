/**
 * Quickstart: train a small neural network with nothing but `@tessera/core`.
 *
 * The task: a point in the square [-1, 1]² is "inside" (label 1) when it lies within the circle of radius √0.5,
 * otherwise "outside" (label 0). A 2 → 32 → 32 → 1 multi-layer perceptron learns that boundary.
 *
 * Every moving part is written out on purpose: the forward pass, the loss, the gradients (`valueAndGrads`) and the
 * optimizer (plain SGD with `variable.assign`). The planned `@tessera/layers` and `@tessera/optimizers` packages
 * wrap these steps; this file shows what they do underneath. No backend is registered, so the embedded CPU
 * backend runs everything.
 *
 * Run it from the repository root with `pnpm demo`.
 * Note: the training-stack issue replaces this demo with a Fashion-MNIST classifier built on layers and `fit`.
 */
import {
  add,
  cast,
  equal,
  greater,
  matmul,
  mean,
  memory,
  mul,
  randomNormal,
  randomUniform,
  relu,
  scalar,
  setSeed,
  sigmoid,
  square,
  sub,
  sum,
  type Tensor,
  tidy,
  valueAndGrads,
  variable,
  zeros,
} from '@tessera/core';

const TRAINING_POINTS = 512;
const TEST_POINTS = 256;
const HIDDEN_UNITS = 32;
const LEARNING_RATE = 0.5;
const TRAINING_STEPS = 300;
const REPORT_EVERY = 50;
const RADIUS_SQUARED = 0.5; // about 40% of the square lies inside: the two classes are roughly balanced

// Random ops without their own seed draw from the global seed, so every run prints the same numbers.
setSeed(42);

/** Points uniform in [-1, 1]², with labels of shape [count, 1]: 1 inside the circle, 0 outside. */
function makeCircles(count: number, seed: number): { points: Tensor; labels: Tensor } {
  // An explicit seed keeps the training and test sets fixed whatever else draws random numbers before them.
  const points = randomUniform([count, 2], -1, 1, 'float32', { seed });
  // tidy frees the intermediate squares and sums as soon as it returns; only the labels survive.
  const labels = tidy(() => cast(greater(scalar(RADIUS_SQUARED), sum(square(points), 1, true)), 'float32'));
  return { points, labels };
}

/** One dense layer's weights and bias as trainable variables; He initialization keeps ReLU activations in range. */
function denseLayerParameters(inputs: number, outputs: number, name: string) {
  // The random and zero tensors are only initial values: the variables hold their own copies, so tidy frees them.
  return tidy(() => [
    variable(randomNormal([inputs, outputs], 0, Math.sqrt(2 / inputs)), { trainable: true, name: `${name}/weights` }),
    variable(zeros([outputs]), { trainable: true, name: `${name}/bias` }),
  ]);
}

/** The network: two ReLU hidden layers, then one output logit per point (positive means "inside"). */
function predictLogits(points: Tensor, [weights1, bias1, weights2, bias2, weights3, bias3]: Tensor[]): Tensor {
  const hidden1 = relu(add(matmul(points, weights1), bias1));
  const hidden2 = relu(add(matmul(hidden1, weights2), bias2));
  return add(matmul(hidden2, weights3), bias3);
}

/** Fraction of points whose predicted side of the circle matches the label, read back as a plain number. */
function accuracy(points: Tensor, labels: Tensor, parameters: Tensor[]): number {
  const fractionCorrect = tidy(() => {
    const predictedInside = cast(greater(predictLogits(points, parameters), scalar(0)), 'float32');
    return mean(cast(equal(predictedInside, labels), 'float32'));
  });
  const value = fractionCorrect.dataSync()[0];
  fractionCorrect.dispose(); // returned from tidy, so it is ours to free
  return value;
}

const training = makeCircles(TRAINING_POINTS, 1);
const test = makeCircles(TEST_POINTS, 2);
const parameters = [
  ...denseLayerParameters(2, HIDDEN_UNITS, 'hidden1'),
  ...denseLayerParameters(HIDDEN_UNITS, HIDDEN_UNITS, 'hidden2'),
  ...denseLayerParameters(HIDDEN_UNITS, 1, 'output'),
];
const learningRate = scalar(LEARNING_RATE);

// The loss takes the parameters as arguments because valueAndGrads differentiates with respect to its arguments.
// Squared error on the predicted probability keeps this demo to a handful of ops; a classifier would normally use
// binary cross-entropy on the logits.
const lossAndGradients = valueAndGrads((...parameterValues: Tensor[]) =>
  mean(square(sub(sigmoid(predictLogits(training.points, parameterValues)), training.labels))),
);

const tensorsBeforeTraining = memory().numTensors;
console.log(`live tensors before training: ${tensorsBeforeTraining}`);
const startTime = performance.now();

for (let step = 1; step <= TRAINING_STEPS; step++) {
  // Everything one step creates (activations, gradients, updated values) is freed when tidy returns, except the
  // loss that we return for printing. Without tidy this loop would leak a few dozen tensors per step.
  const loss = tidy(() => {
    const { value, grads } = lossAndGradients(parameters);
    // Plain stochastic gradient descent: parameter ← parameter − learningRate × gradient.
    parameters.forEach((parameter, index) => {
      parameter.assign(sub(parameter, mul(grads[index], learningRate)));
    });
    return value;
  });
  if (step === 1 || step % REPORT_EVERY === 0) {
    console.log(`step ${String(step).padStart(3)}  loss ${loss.dataSync()[0].toFixed(4)}`);
  }
  loss.dispose();
}

const seconds = ((performance.now() - startTime) / 1000).toFixed(2);
console.log(`trained ${TRAINING_STEPS} steps in ${seconds} s`);
const trainingAccuracy = accuracy(training.points, training.labels, parameters);
const testAccuracy = accuracy(test.points, test.labels, parameters);
console.log(`training accuracy: ${(trainingAccuracy * 100).toFixed(1)}%`);
console.log(`test accuracy:     ${(testAccuracy * 100).toFixed(1)}%`);

const tensorsAfterTraining = memory().numTensors;
const leaked = tensorsAfterTraining - tensorsBeforeTraining;
const leakReport = leaked === 0 ? 'unchanged: nothing leaked' : `${leaked} leaked`;
console.log(`live tensors after training: ${tensorsAfterTraining} (${leakReport})`);

// CI runs this demo too, so it fails loudly when the network did not learn or the memory scopes leaked.
if (testAccuracy < 0.9 || leaked !== 0) process.exitCode = 1;
