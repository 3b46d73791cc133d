import { setBackend, type Tensor, tensor } from '@tessera/core';
import type { BackendSession } from '../backend-session';
import type { BackendCheck } from '../check';

const EXPECTED_ARRAYS = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

async function withTensors<T>(session: BackendSession, build: () => Tensor[], body: (tensors: Tensor[]) => Promise<T>) {
  await setBackend(session.name);
  const tensors = build();
  try {
    return await body(tensors);
  } finally {
    for (const created of tensors) created.dispose();
    await setBackend('cpu');
  }
}

export const READ_CHECKS: BackendCheck[] = [
  {
    area: 'reads',
    title: 'await data() gives each dtype’s typed array with the written values, also for concurrent reads',
    async run(session) {
      const values = session.random.floats(10);
      await withTensors(
        session,
        () => [tensor(values, [2, 5]), tensor([3, -4, 2147483647], [3], 'int32'), tensor([1, 0, 1], [3], 'bool')],
        async (tensors) => {
          const reads = await Promise.all(tensors.map((created) => created.data()));
          const expected = [
            Float32Array.from(values),
            Int32Array.from([3, -4, 2147483647]),
            Uint8Array.from([1, 0, 1]),
          ];
          reads.forEach((read, index) => {
            const dtype = tensors[index].dtype;
            if (!(read instanceof EXPECTED_ARRAYS[dtype])) {
              throw new Error(`data(): a ${dtype} tensor read back as ${read.constructor.name}`);
            }
            if (read.length !== expected[index].length || read.some((value, at) => value !== expected[index][at])) {
              throw new Error(
                `data(): ${dtype} read back [${Array.from(read)}], wrote [${Array.from(expected[index])}]`,
              );
            }
          });
        },
      );
    },
  },
  {
    area: 'reads',
    title: 'dataSync agrees with data() where the backend reads synchronously, else fails clearly',
    async run(session) {
      const values = session.random.floats(6);
      await withTensors(
        session,
        () => [tensor(values, [3, 2])],
        async ([created]) => {
          const asynchronous = Array.from(await created.data());
          if (session.original.storage.readSync === undefined) {
            let message = '';
            try {
              created.dataSync();
            } catch (error) {
              message = error instanceof Error ? error.message : String(error);
            }
            if (!message.includes('dataSync')) throw new Error('dataSync on a backend without readSync should throw');
            return;
          }
          const synchronous = Array.from(created.dataSync());
          if (synchronous.join(',') !== asynchronous.join(',')) {
            throw new Error(`dataSync gave [${synchronous}], data() gave [${asynchronous}]`);
          }
        },
      );
    },
  },
];
