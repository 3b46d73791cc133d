/** Pooling cases for the kernel tests: 'same'-style padding (including tfjs's uneven split), 'valid', strides. */
import type { Pool2dAttributes } from '../../../backend/kernel-specs';

export const poolCases: ReadonlyArray<{ name: string; inputShape: number[]; attributes: Pool2dAttributes }> = [
  {
    name: '2x2 stride 2 valid',
    inputShape: [2, 6, 6, 3],
    attributes: { poolSize: [2, 2], strides: [2, 2], padding: [0, 0, 0, 0] },
  },
  {
    name: '3x3 stride 1 same',
    inputShape: [2, 5, 4, 2],
    attributes: { poolSize: [3, 3], strides: [1, 1], padding: [1, 1, 1, 1] },
  },
  {
    name: '2x2 stride 2 same on odd sizes (padding bottom/right only)',
    inputShape: [1, 5, 7, 4],
    attributes: { poolSize: [2, 2], strides: [2, 2], padding: [0, 1, 0, 1] },
  },
  {
    name: '3x2 stride 2x1 with asymmetric padding',
    inputShape: [3, 7, 5, 2],
    attributes: { poolSize: [3, 2], strides: [2, 1], padding: [1, 2, 0, 1] },
  },
  {
    name: '1x1 stride 2',
    inputShape: [2, 4, 5, 3],
    attributes: { poolSize: [1, 1], strides: [2, 2], padding: [0, 0, 0, 0] },
  },
];
