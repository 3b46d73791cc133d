import type { KernelFunction } from '../../../backend/backend-definition';
import type { AdamUpdateAttributes } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { currentSimdInstance } from '../wasm/simd-instance';
import { reserveOperandMemory } from './gemm-wasm';
import { SMALLEST_SIMD_LENGTH } from './simd-elementwise';

/**
 * The fused Adam step (kernel-specs.ts): one pass over the four inputs instead of thirteen element-wise kernels.
 * Every intermediate is rounded to float32 in the composite's order, so the three paths (SIMD, this loop, the
 * composite on other backends) give the same bits.
 */
export function createAdamUpdateKernel(storage: CpuStorage): KernelFunction<'adamUpdate'> {
  return ({ variable, gradient, firstMoment, secondMoment }, attributes) => {
    const outputs = [0, 1, 2].map(() => storage.allocate(variable.shape, 'float32', 'overwritten'));
    const inputs = [variable, gradient, firstMoment, secondMoment].map((info) => storage.values(info) as Float32Array);
    const results = outputs.map((output) => output.values);
    if (!simdAdamUpdate(inputs, results, attributes)) typescriptAdamUpdate(inputs, results, attributes);
    return [outputs[0].info, outputs[1].info, outputs[2].info];
  };
}

/** inputs: variable, gradient, first, second moment; results: variable, first, second moment. */
function typescriptAdamUpdate(inputs: Float32Array[], results: Float32Array[], attributes: AdamUpdateAttributes): void {
  const [variable, gradient, firstMoment, secondMoment] = inputs;
  const [newVariable, newFirst, newSecond] = results;
  const f = Math.fround;
  const beta1 = f(attributes.beta1);
  const oneMinusBeta1 = f(1 - attributes.beta1);
  const beta2 = f(attributes.beta2);
  const oneMinusBeta2 = f(1 - attributes.beta2);
  const stepSize = f(attributes.stepSize);
  const secondCorrection = f(attributes.secondCorrection);
  const epsilon = f(attributes.epsilon);
  for (let index = 0; index < variable.length; index++) {
    const g = gradient[index];
    const first = f(f(firstMoment[index] * beta1) + f(g * oneMinusBeta1));
    const second = f(f(secondMoment[index] * beta2) + f(f(g * g) * oneMinusBeta2));
    const denominator = f(f(Math.sqrt(f(second / secondCorrection))) + epsilon);
    newFirst[index] = first;
    newSecond[index] = second;
    newVariable[index] = variable[index] - f(f(first * stepSize) / denominator);
  }
}

function simdAdamUpdate(inputs: Float32Array[], results: Float32Array[], attributes: AdamUpdateAttributes): boolean {
  const length = inputs[0].length;
  if (length < SMALLEST_SIMD_LENGTH) return false;
  const instance = currentSimdInstance();
  if (instance === undefined) return false;
  const stride = Math.ceil(length / 16) * 64;
  const addresses = Array.from({ length: 7 }, (_, index) => instance.operandsStart + index * stride);
  if (!reserveOperandMemory(instance, addresses[6] + length * 4)) return false;
  for (const [index, values] of inputs.entries()) instance.view.set(values, addresses[index] / 4);
  const { beta1, beta2, epsilon, stepSize, secondCorrection } = attributes;
  instance.adamUpdate(...addresses, length, beta1, 1 - beta1, beta2, 1 - beta2, stepSize, secondCorrection, epsilon);
  for (const [index, values] of results.entries()) {
    const start = addresses[4 + index] / 4;
    values.set(instance.view.subarray(start, start + length));
  }
  return true;
}
