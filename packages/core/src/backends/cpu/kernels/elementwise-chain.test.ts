import { describe, expect, it } from 'vitest';
import type { ElementwiseStep, UnaryOp } from '../../../backend/kernel-specs';
import { elementwiseChainComposite } from '../../../composites/elementwise-chain-composite';
import { ENGINE } from '../../../engine/engine';
import { tidy } from '../../../memory/tidy';
import { tensor } from '../../../ops/tensor';
import type { Tensor } from '../../../tensor';
import { seededRandom } from './kernel-test-helpers';

const UNARY: UnaryOp[] = ['neg', 'abs', 'exp', 'log', 'sqrt', 'square', 'tanh', 'sigmoid', 'relu', 'reciprocal', 'erf'];
const BINARY = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'pow'] as const;

/** Each element's bits, every NaN as one pattern (a payload is not a value: SIMD and scalar code may differ there). */
function bitsOf(values: Tensor): number[] {
  const data = (values.dataSync() as Float32Array).map((value) => (Number.isNaN(value) ? Number.NaN : value));
  return Array.from(new Int32Array(data.buffer));
}

/** A random chain over `operandCount` inputs: each step reads inputs or earlier results. */
function randomSteps(random: () => number, operandCount: number, length: number): ElementwiseStep[] {
  const steps: ElementwiseStep[] = [];
  for (let position = 0; position < length; position++) {
    const available = operandCount + position;
    // Most steps read the previous result, as a traced chain does.
    const previous = position === 0 ? Math.floor(random() * operandCount) : available - 1;
    const other = Math.floor(random() * available);
    if (random() < 0.4) {
      steps.push({ kind: 'unary', op: UNARY[Math.floor(random() * UNARY.length)], operands: [previous] });
    } else {
      const op = BINARY[Math.floor(random() * BINARY.length)];
      steps.push({ kind: 'binary', op, operands: random() < 0.5 ? [previous, other] : [other, previous] });
    }
  }
  return steps;
}

describe('elementwiseChain (CPU)', () => {
  it('equals its steps run as separate kernels, bit for bit, across block edges and operand layouts', () => {
    const random = seededRandom(11);
    // Sizes around the 1024-element block; operands of full size, one element, or repeated trailing dimensions.
    const shapes = [[1], [7], [1023], [1024], [1025], [3, 1000], [64, 48]];
    for (const shape of shapes) {
      for (let trial = 0; trial < 6; trial++) {
        const size = shape.reduce((a, b) => a * b, 1);
        const operandShapes = [shape, [1], shape.slice(-1), shape];
        const values = operandShapes.map((operandShape) => {
          const length = operandShape.reduce((a, b) => a * b, 1);
          // Special values too: NaN, infinities, signed zeros and subnormals must round alike.
          const special = [Number.NaN, Infinity, -Infinity, -0, 0, 1e-40, -1e-40];
          return Float32Array.from({ length }, () =>
            random() < 0.05 ? special[Math.floor(random() * special.length)] : (random() * 2 - 1) * 3,
          );
        });
        const steps = randomSteps(random, operandShapes.length, 1 + Math.floor(random() * 8));
        tidy(() => {
          const operands = values.map((operandValues, index) => tensor(operandValues, operandShapes[index]));
          const fused = ENGINE.runKernel('elementwiseChain', { operands }, { shape, steps });
          const separate = elementwiseChainComposite({ operands }, { shape, steps });
          expect(fused.shape).toEqual(shape);
          expect(bitsOf(fused), `shape ${shape} steps ${JSON.stringify(steps)}`).toEqual(bitsOf(separate));
          expect(fused.size).toBe(size);
        });
      }
    }
  });

  it('names an operand that does not line up with the output', () => {
    tidy(() => {
      const operands = [tensor(new Float32Array(6), [3, 2]), tensor(new Float32Array(3), [3, 1])];
      expect(() =>
        ENGINE.runKernel(
          'elementwiseChain',
          { operands },
          { shape: [3, 2], steps: [{ kind: 'binary', op: 'add', operands: [0, 1] }] },
        ),
      ).toThrow("elementwiseChain: operand of shape [3,1] is neither the output's size, one element, nor the trailing");
    });
  });
});
