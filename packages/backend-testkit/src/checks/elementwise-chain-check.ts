import { createCpuBackend } from '@tessera/core';
import type { ElementwiseStep } from '@tessera/core/backend';
import type { BackendCheck } from '../check';
import { assertResultsMatch } from '../compare-values';
import { runKernelDirectly } from '../run-kernel-directly';

/** A chain like the ones a compiled training step fuses: a bias add, an activation, a scaled residual. */
const STEPS: ElementwiseStep[] = [
  { kind: 'binary', op: 'add', operands: [0, 1] },
  { kind: 'unary', op: 'tanh', operands: [3] },
  { kind: 'binary', op: 'mul', operands: [4, 2] },
  { kind: 'binary', op: 'sub', operands: [0, 5] },
  { kind: 'unary', op: 'relu', operands: [6] },
  { kind: 'binary', op: 'maximum', operands: [7, 2] },
];

export const ELEMENTWISE_CHAIN_CHECK: BackendCheck = {
  area: 'kernels',
  kernel: 'elementwiseChain',
  title: 'a fused chain with full, repeated-row and one-element operands, sizes around 1024 (called directly)',
  async run(session) {
    if (!session.supports('elementwiseChain')) return;
    const reference = createCpuBackend();
    for (const shape of [[3, 5], [1025], [9, 130]]) {
      const size = shape.reduce((a, b) => a * b, 1);
      const columns = shape[shape.length - 1];
      const inputs = {
        operands: [
          { values: session.random.floats(size, -2, 2), shape, dtype: 'float32' as const },
          { values: session.random.floats(columns, -1, 1), shape: [columns], dtype: 'float32' as const },
          { values: session.random.floats(1, 0, 1), shape: [1], dtype: 'float32' as const },
        ],
      };
      const attributes = { shape, steps: STEPS };
      const expected = await runKernelDirectly(reference, 'elementwiseChain', inputs, attributes);
      const actual = await runKernelDirectly(session.wrapped, 'elementwiseChain', inputs, attributes);
      assertResultsMatch(`elementwiseChain [${shape}]`, actual, expected, session.tolerance('float32'));
    }
  },
};
