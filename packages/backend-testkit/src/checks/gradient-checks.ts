import {
  conv2d,
  grads,
  logSoftmax,
  matmul,
  max,
  mean,
  mul,
  neg,
  relu,
  sum,
  type Tensor,
  tanh,
  tensor,
  transpose,
} from '@tessera/core';
import type { BackendSession } from '../backend-session';
import type { BackendCheck } from '../check';

function gradientCheck(title: string, build: (session: BackendSession) => () => Tensor[]): BackendCheck {
  return {
    area: 'gradients',
    title,
    async run(session) {
      await session.compare(title, build(session));
    },
  };
}

/** Gradients of small composite functions, computed through the backend under test, equal the CPU's. */
export const GRADIENT_CHECKS: BackendCheck[] = [
  gradientCheck('a matmul chain with tanh and relu', (session) => {
    const x = session.random.floats(4 * 3);
    const first = session.random.floats(3 * 5);
    const second = session.random.floats(5 * 2);
    return () =>
      grads((input: Tensor, left: Tensor, right: Tensor) => sum(relu(matmul(tanh(matmul(input, left)), right))))([
        tensor(x, [4, 3]),
        tensor(first, [3, 5]),
        tensor(second, [5, 2]),
      ]);
  }),
  gradientCheck('conv2d with same padding and stride 2', (session) => {
    const x = session.random.floats(2 * 5 * 5 * 2);
    const filter = session.random.floats(3 * 3 * 2 * 3);
    const weights = session.random.floats(2 * 3 * 3 * 3);
    return () =>
      grads((input: Tensor, kernel: Tensor) =>
        sum(mul(conv2d(input, kernel, { strides: 2, padding: 'same' }), tensor(weights, [2, 3, 3, 3]))),
      )([tensor(x, [2, 5, 5, 2]), tensor(filter, [3, 3, 2, 3])]);
  }),
  gradientCheck('softmax cross-entropy', (session) => {
    const logits = session.random.floats(5 * 4, -3, 3);
    const labels = session.random.integers(5, 0, 4);
    const targets = labels.flatMap((label) => [0, 1, 2, 3].map((column) => (column === label ? 1 : 0)));
    return () =>
      grads((input: Tensor) => neg(mean(sum(mul(logSoftmax(input), tensor(targets, [5, 4])), -1))))([
        tensor(logits, [5, 4]),
      ]);
  }),
  gradientCheck('reductions: mean, max (with ties) and sum over a transpose', (session) => {
    const values = session.random.integers(3 * 4, -2, 3).map((value) => value / 2);
    return () =>
      grads((input: Tensor) => {
        const total = sum(mul(transpose(input), 0.5));
        return mean(mul(max(input, 1), total));
      })([tensor(values, [3, 4])]);
  }),
];
