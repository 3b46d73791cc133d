import {
  add,
  dispose,
  grads,
  matmul,
  memory,
  mul,
  relu,
  reshape,
  setBackend,
  softmax,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  transpose,
  valueAndGrads,
} from '@tessera/core';
import type { BackendSession } from '../backend-session';
import type { BackendCheck } from '../check';

/** Runs `body` with the backend under test as the current backend. */
async function onBackendUnderTest(session: BackendSession, body: () => void): Promise<void> {
  await setBackend(session.name);
  try {
    body();
  } finally {
    await setBackend('cpu');
  }
}

function liveBuffers(session: BackendSession): number {
  return session.original.storage.memory().numBuffers;
}

function expectBuffers(session: BackendSession, expected: number, when: string): void {
  const actual = liveBuffers(session);
  if (actual !== expected) throw new Error(`memory: ${actual} live buffers ${when}, expected ${expected}`);
}

/** One step of a 4-8-3 MLP trained with plain gradient descent; returns the new parameters and the loss. */
function trainingStep(parameters: Tensor[], inputs: Tensor, targets: Tensor): Tensor[] {
  const lossOf = (hiddenWeights: Tensor, hiddenBias: Tensor, outputWeights: Tensor, outputBias: Tensor) => {
    const hidden = relu(add(matmul(inputs, hiddenWeights), hiddenBias));
    const logits = add(matmul(hidden, outputWeights), outputBias);
    return sum(mul(sub(softmax(logits), targets), sub(softmax(logits), targets)));
  };
  const { value, grads: gradients } = valueAndGrads(lossOf)(parameters as [Tensor, Tensor, Tensor, Tensor]);
  return [...parameters.map((parameter, index) => sub(parameter, mul(gradients[index], 0.3))), value];
}

export const MEMORY_CHECKS: BackendCheck[] = [
  {
    area: 'memory',
    title: "the backend's memory() and core's memory() agree as tensors come and go",
    async run(session) {
      await onBackendUnderTest(session, () => {
        const storageBefore = session.original.storage.memory();
        const coreBefore = memory();
        if (coreBefore.backend.numBuffers !== storageBefore.numBuffers) {
          throw new Error(
            `memory: core reports ${coreBefore.backend.numBuffers} buffers for the backend, its storage ${storageBefore.numBuffers}`,
          );
        }
        const created = [tensor([1, 2, 3, 4, 5, 6], [2, 3]), tensor([1, 2, 3, 4], [4], 'int32')];
        created.push(add(created[0], 1), reshape(created[0], [3, 2]));
        try {
          const storageDuring = session.original.storage.memory();
          const newBuffers = memory().numDataBuffers - coreBefore.numDataBuffers;
          // Four tensors, three buffers: a reshape may share its input's buffer (then core counts one buffer).
          if (storageDuring.numBuffers - storageBefore.numBuffers !== newBuffers) {
            throw new Error(
              `memory: the storage gained ${storageDuring.numBuffers - storageBefore.numBuffers} buffers, core counts ${newBuffers}`,
            );
          }
          if (storageDuring.numBytes - storageBefore.numBytes < 24 + 16 + 24) {
            throw new Error(
              `memory: numBytes grew by ${storageDuring.numBytes - storageBefore.numBytes}, expected ≥ 64`,
            );
          }
        } finally {
          dispose(created);
        }
        const storageAfter = session.original.storage.memory();
        if (storageAfter.numBuffers !== storageBefore.numBuffers || storageAfter.numBytes !== storageBefore.numBytes) {
          throw new Error(
            `memory: after dispose the storage holds ${storageAfter.numBuffers} buffers / ${storageAfter.numBytes} bytes, ` +
              `before ${storageBefore.numBuffers} / ${storageBefore.numBytes}`,
          );
        }
      });
    },
  },
  {
    area: 'memory',
    title: 'no live buffers after tidy (with gradients inside) and after dispose',
    async run(session) {
      const values = session.random.floats(12);
      await onBackendUnderTest(session, () => {
        const before = liveBuffers(session);
        tidy(() => {
          const x = tensor(values, [3, 4]);
          const product = matmul(x, transpose(x));
          grads((input: Tensor) => sum(softmax(matmul(input, transpose(input)))))([x]);
          sum(reshape(product, [9]));
        });
        expectBuffers(session, before, 'after a tidy that returned nothing');
        const kept = tidy(() => add(tensor(values, [3, 4]), 1));
        expectBuffers(session, before + 1, 'after a tidy that returned one tensor');
        kept.dispose();
        expectBuffers(session, before, 'after disposing the returned tensor');
      });
    },
  },
  {
    area: 'memory',
    title: 'training a small MLP keeps live buffers flat and reaches the CPU backend’s weights',
    async run(session) {
      const random = session.random;
      const inputValues = random.floats(6 * 4, -1, 1);
      const targetValues = random.integers(6, 0, 3).flatMap((label) => [0, 1, 2].map((column) => +(column === label)));
      const initial = [
        random.floats(32, -0.5, 0.5),
        random.floats(8, -0.1, 0.1),
        random.floats(24, -0.5, 0.5),
        random.floats(3),
      ];
      const shapes = [[4, 8], [8], [8, 3], [3]];
      const counts: number[] = [];
      const train = () => {
        const inputs = tensor(inputValues, [6, 4]);
        const targets = tensor(targetValues, [6, 3]);
        let parameters = initial.map((values, index) => tensor(values, shapes[index]));
        let loss: Tensor | undefined;
        counts.length = 0;
        for (let step = 0; step < 6; step++) {
          const next = tidy(() => trainingStep(parameters, inputs, targets));
          dispose(parameters);
          loss?.dispose();
          loss = next.pop();
          parameters = next;
          counts.push(memory().backend.numBuffers);
        }
        return [...parameters, loss as Tensor];
      };
      await session.compare('MLP weights and loss after 6 steps', train);
      if (counts.slice(1).some((count) => count !== counts[0])) {
        throw new Error(
          `memory: live buffers after each training step were ${counts.join(', ')}; they should stay flat`,
        );
      }
    },
  },
];
