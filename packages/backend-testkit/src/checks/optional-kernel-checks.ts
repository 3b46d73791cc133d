import {
  adamUpdate,
  avgPool2d,
  broadcastTo,
  conv2d,
  conv2dTranspose,
  createCpuBackend,
  grads,
  logSoftmax,
  maxPool2d,
  softmax,
  type Tensor,
  tensor,
  transpose,
} from '@tessera/core';
import type { BackendSession } from '../backend-session';
import type { BackendCheck } from '../check';
import { assertResultsMatch } from '../compare-values';
import { runKernelDirectly } from '../run-kernel-directly';
import { sizeOf } from '../seeded-random';

const CONV_CASES = [
  { input: [2, 5, 5, 3], filter: [3, 3, 3, 4], strides: 1, padding: 'same', dilations: 1 },
  { input: [1, 7, 6, 2], filter: [2, 3, 2, 3], strides: [2, 1], padding: 'valid', dilations: 1 },
  { input: [1, 6, 6, 1], filter: [2, 2, 1, 2], strides: 1, padding: 'valid', dilations: 2 },
] as const;

const POOL_CASES = [
  { input: [2, 4, 4, 3], poolSize: 2, strides: 2, padding: 'valid' },
  { input: [1, 5, 6, 2], poolSize: [3, 2], strides: 1, padding: 'same' },
] as const;

/** Random conv inputs, the same for the reference and the backend under test. */
function convInputs(session: BackendSession, index: number) {
  const spec = CONV_CASES[index];
  const x = session.random.floats(sizeOf(spec.input));
  const filter = session.random.floats(sizeOf(spec.filter));
  const options = { strides: spec.strides as number, padding: spec.padding, dilations: spec.dilations as number };
  const make = () => [tensor(x, [...spec.input]), tensor(filter, [...spec.filter])] as const;
  return { spec, make, options };
}

async function forEachConvCase(
  session: BackendSession,
  body: (label: string, inputs: ReturnType<typeof convInputs>) => Promise<void>,
) {
  for (let index = 0; index < CONV_CASES.length; index++) {
    const inputs = convInputs(session, index);
    await body(`x [${inputs.spec.input}] filter [${inputs.spec.filter}] ${inputs.spec.padding}`, inputs);
  }
}

function poolCheck(kernel: 'maxPool2d' | 'avgPool2d' | 'maxPool2dBackward' | 'avgPool2dBackward'): BackendCheck {
  const pool = kernel.startsWith('max') ? maxPool2d : avgPool2d;
  const backward = kernel.endsWith('Backward');
  return {
    area: 'kernels',
    kernel,
    title: `${backward ? 'gradient of ' : ''}${pool === maxPool2d ? 'max' : 'average'} pooling, valid and same padding`,
    async run(session) {
      for (const spec of POOL_CASES) {
        // Rounded values give ties inside max windows: the backward kernel must route them like the CPU.
        const values = session.random.floats(sizeOf(spec.input)).map((value) => Math.round(value * 2) / 2);
        const options = { poolSize: spec.poolSize as number, strides: spec.strides, padding: spec.padding };
        await session.compare(`${kernel} [${spec.input}] ${spec.padding}`, () => {
          const x = tensor(values, [...spec.input]);
          return backward ? grads((input: Tensor) => pool(input, options))([x])[0] : pool(x, options);
        });
      }
    },
  };
}

/** Checks for the optional kernels; on a backend without them they exercise core's composites ('fallback'). */
export const OPTIONAL_KERNEL_CHECKS: BackendCheck[] = [
  {
    area: 'kernels',
    kernel: 'broadcastTo',
    title: 'to random larger shapes, from a transpose',
    async run(session) {
      const values = session.random.floats(6);
      await session.compare('broadcastTo', () => [
        broadcastTo(tensor(values, [3, 1, 2]), [2, 3, 4, 2]),
        broadcastTo(tensor(values.map(Math.round), [1, 6], 'int32'), [3, 6]),
        broadcastTo(transpose(tensor(values, [2, 3])), [2, 3, 2]),
        broadcastTo(tensor(values.slice(0, 1), [1]), [0, 4]),
      ]);
    },
  },
  ...(['softmax', 'logSoftmax'] as const).map(
    (kernel): BackendCheck => ({
      area: 'kernels',
      kernel,
      title: 'along the last and the first axis, large logits, -Infinity entries',
      async run(session) {
        const op = kernel === 'softmax' ? softmax : logSoftmax;
        const values = session.random.floats(24, -4, 4);
        const extreme = [80, 100, -100, Number.NEGATIVE_INFINITY, 0, 1];
        await session.compare(kernel, () => [
          op(tensor(values, [4, 6])),
          op(tensor(values, [2, 3, 4]), 0),
          op(tensor(extreme, [1, 6])),
        ]);
      },
    }),
  ),
  {
    area: 'kernels',
    kernel: 'conv2d',
    title: 'strides, same/valid padding, dilations',
    async run(session) {
      await forEachConvCase(session, (label, { make, options }) =>
        session.compare(`conv2d ${label}`, () => conv2d(...make(), options)).then(() => undefined),
      );
    },
  },
  {
    area: 'kernels',
    kernel: 'conv2dBackpropInput',
    title: 'the input gradient of conv2d, and conv2dTranspose',
    async run(session) {
      await forEachConvCase(session, (label, { make, options }) =>
        session
          .compare(`input gradient ${label}`, () => {
            const [x, filter] = make();
            return grads((input: Tensor) => conv2d(input, filter, options))([x])[0];
          })
          .then(() => undefined),
      );
      const x = session.random.floats(2 * 3 * 3 * 4);
      const filter = session.random.floats(3 * 3 * 2 * 4);
      await session.compare('conv2dTranspose', () =>
        conv2dTranspose(tensor(x, [2, 3, 3, 4]), tensor(filter, [3, 3, 2, 4]), [2, 6, 6, 2], {
          strides: 2,
          padding: 'same',
        }),
      );
    },
  },
  {
    area: 'kernels',
    kernel: 'conv2dBackpropFilter',
    title: 'the filter gradient of conv2d',
    async run(session) {
      await forEachConvCase(session, (label, { make, options }) =>
        session
          .compare(`filter gradient ${label}`, () => {
            const [x, filter] = make();
            return grads((kernel: Tensor) => conv2d(x, kernel, options))([filter])[0];
          })
          .then(() => undefined),
      );
    },
  },
  poolCheck('maxPool2d'),
  poolCheck('maxPool2dBackward'),
  poolCheck('avgPool2d'),
  poolCheck('avgPool2dBackward'),
  {
    area: 'kernels',
    kernel: 'fusedMatmul',
    title: 'every activation, transpose flags, a broadcast bias (called directly: no public op reaches it)',
    async run(session) {
      const reference = createCpuBackend();
      const a = session.random.floats(12);
      const b = session.random.floats(15);
      const bias = session.random.floats(5);
      for (const activation of ['linear', 'relu', 'sigmoid', 'tanh'] as const) {
        for (const [transposeA, transposeB] of [
          [false, false],
          [true, true],
        ] as const) {
          const inputs = {
            a: { values: a, shape: transposeA ? [3, 4] : [4, 3], dtype: 'float32' as const },
            b: { values: b, shape: transposeB ? [5, 3] : [3, 5], dtype: 'float32' as const },
            bias: { values: bias, shape: [5], dtype: 'float32' as const },
          };
          const attributes = { transposeA, transposeB, activation };
          const expected = await runKernelDirectly(reference, 'fusedMatmul', inputs, attributes);
          if (!session.supports('fusedMatmul')) continue;
          const actual = await runKernelDirectly(session.wrapped, 'fusedMatmul', inputs, attributes);
          assertResultsMatch(`fusedMatmul ${activation}`, actual, expected, session.tolerance('float32'));
        }
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'adamUpdate',
    title: 'one fused Adam step (variable and both moments), lengths around vector widths',
    async run(session) {
      const options = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, stepSize: 0.01, secondCorrection: 0.02 };
      for (const length of [1, 5, 300]) {
        const variable = session.random.floats(length);
        const gradient = session.random.floats(length, -0.5, 0.5);
        const first = session.random.floats(length, -0.1, 0.1);
        const second = session.random.floats(length, 0, 0.01);
        await session.compare(`adamUpdate [${length}]`, () =>
          adamUpdate(tensor(variable), tensor(gradient), tensor(first), tensor(second), options),
        );
      }
    },
  },
];
