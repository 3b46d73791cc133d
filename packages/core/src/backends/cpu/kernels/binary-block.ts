import type { TypedArray } from '../../../dtype';
import { type Shape, sizeFromShape } from '../../../util/shape';
import { forEachBlock, planBroadcast } from './broadcast-iteration';

/** One rows x columns block of a two-input element-wise op, with both inputs' strides as plain numbers. */
export interface BinaryBlock {
  readonly rows: number;
  readonly columns: number;
  readonly aRowStride: number;
  readonly aColumnStride: number;
  readonly bRowStride: number;
  readonly bColumnStride: number;
}

/**
 * A per-op loop over one block. Each op gets its own function (rather than one loop calling a per-element
 * callback) so that the engine compiles a tight loop per op: the only indirect call is once per block.
 */
export type BinaryBlockLoop<Output extends TypedArray = TypedArray> = (
  out: Output,
  outputOffset: number,
  a: TypedArray,
  aOffset: number,
  b: TypedArray,
  bOffset: number,
  block: BinaryBlock,
) => void;

/** Runs `loop` over the broadcast of `a` (of `aShape`) and `b` (of `bShape`) into `out` (of `outputShape`). */
export function runBinaryLoop<Output extends TypedArray>(
  loop: BinaryBlockLoop<Output>,
  out: Output,
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  outputShape: Shape,
): void {
  const outputSize = sizeFromShape(outputShape);
  // An input with as many elements as the output is laid out like it (broadcasting only repeats), and a
  // one-element input is a stride-0 scalar: the common cases need no layout planning.
  if ((a.length === outputSize || a.length === 1) && (b.length === outputSize || b.length === 1)) {
    const block: BinaryBlock = {
      rows: 1,
      columns: outputSize,
      aRowStride: 0,
      aColumnStride: a.length === outputSize ? 1 : 0,
      bRowStride: 0,
      bColumnStride: b.length === outputSize ? 1 : 0,
    };
    loop(out, 0, a, 0, b, 0, block);
    return;
  }
  const layout = planBroadcast([aShape, bShape], outputShape);
  const block: BinaryBlock = {
    rows: layout.rows,
    columns: layout.columns,
    aRowStride: layout.rowStrides[0],
    aColumnStride: layout.columnStrides[0],
    bRowStride: layout.rowStrides[1],
    bColumnStride: layout.columnStrides[1],
  };
  forEachBlock(layout, (outputOffset, inputOffsets) => {
    loop(out, outputOffset, a, inputOffsets[0], b, inputOffsets[1], block);
  });
}
