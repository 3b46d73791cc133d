import { dropout, ones, randomNormal, randomUniform, setSeed } from '@tessera/core';
import { fillRandomBits } from '@tessera/core/backend';
import type { BackendCheck } from '../check';
import { assertSameBits } from '../compare-values';
import { runKernelDirectly } from '../run-kernel-directly';

/** Checks that the backend draws core's Philox stream bit for bit. */
export const RANDOM_CHECKS: BackendCheck[] = [
  {
    area: 'kernels',
    kernel: 'randomBits',
    title: 'the Philox 4x32-10 words for a key and counter, bit for bit',
    async run(session) {
      for (const [key, counter, shape] of [
        [
          [123, 456],
          [7, 1],
          [3, 5],
        ],
        [[0xffffffff, 1], [0xfffffffe, 0], [9]],
        [
          [5, 6],
          [0, 0],
          [0, 2],
        ],
      ] as Array<[[number, number], [number, number], number[]]>) {
        const actual = await runKernelDirectly(session.wrapped, 'randomBits', {}, { shape, key, counter });
        const expected = new Int32Array(shape.reduce((product, dimension) => product * dimension, 1));
        fillRandomBits(expected, key, counter);
        const label = `randomBits key [${key}] counter [${counter}]`;
        if (actual.dtype !== 'int32' || actual.shape.join(',') !== shape.join(',')) {
          throw new Error(`${label}: expected int32 [${shape}], got ${actual.dtype} [${actual.shape}]`);
        }
        const mismatch = expected.findIndex((word, index) => word !== actual.values[index]);
        if (mismatch >= 0) {
          throw new Error(
            `${label}: word ${mismatch} is ${actual.values[mismatch]}, Philox gives ${expected[mismatch]}`,
          );
        }
      }
    },
  },
  {
    area: 'random',
    title: 'randomUniform, randomNormal and dropout with a seed give the CPU backend’s bits',
    async run(session) {
      const seed = session.options.seed;
      const draw = () => [
        randomUniform([5, 7], -2, 3, 'float32', { seed }),
        randomUniform([33], -100, 100, 'int32', { seed: seed + 1 }),
        randomNormal([4, 9], 1, 2, 'float32', { seed: seed + 2 }),
        dropout(ones([6, 8]), 0.4, { seed: seed + 3 }),
      ];
      const expected = await session.evaluate('cpu', draw);
      const actual = await session.evaluate(session.name, draw);
      const labels = ['randomUniform float32', 'randomUniform int32', 'randomNormal', 'dropout mask'];
      // Uniform bits and dropout masks are pure integer arithmetic on the stream: exact. randomNormal goes through
      // log and cos, whose precision GPU drivers choose (WGSL only bounds their error; SwiftShader's is ~1e-4
      // relative): 1e-3 relative still tells a matching stream from any other, which would differ by O(1).
      for (const index of [0, 1, 3]) assertSameBits(labels[index], actual[index].values, expected[index].values);
      const tolerance = session.tolerance('float32');
      const relative = Math.max(tolerance.relative, 1e-3);
      expected[2].values.forEach((value, index) => {
        const got = actual[2].values[index];
        if (Math.abs(got - value) > tolerance.absolute + relative * Math.abs(value)) {
          throw new Error(`randomNormal: [${index}] is ${got}, the CPU backend draws ${value}`);
        }
      });
    },
  },
  {
    area: 'random',
    title: 'the global stream after setSeed matches the CPU backend',
    async run(session) {
      const draw = () => {
        setSeed(session.options.seed);
        return [randomUniform([10]), randomUniform([3, 3])];
      };
      const expected = await session.evaluate('cpu', draw);
      const actual = await session.evaluate(session.name, draw);
      assertSameBits('first draw after setSeed', actual[0].values, expected[0].values);
      assertSameBits('second draw after setSeed', actual[1].values, expected[1].values);
    },
  },
];
