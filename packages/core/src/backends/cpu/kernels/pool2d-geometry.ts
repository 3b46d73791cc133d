import type { Pool2dAttributes } from '../../../backend/kernel-specs';

/** Every size a pooling kernel needs, from an NHWC input shape and resolved attributes. */
export interface Pool2dGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  channels: number;
  poolHeight: number;
  poolWidth: number;
  outHeight: number;
  outWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

export function pool2dGeometry(inputShape: readonly number[], attributes: Pool2dAttributes): Pool2dGeometry {
  const [batch, inHeight, inWidth, channels] = inputShape;
  const [poolHeight, poolWidth] = attributes.poolSize;
  const [strideHeight, strideWidth] = attributes.strides;
  const [padTop, padBottom, padLeft, padRight] = attributes.padding;
  const outHeight = Math.max(0, Math.floor((inHeight + padTop + padBottom - poolHeight) / strideHeight) + 1);
  const outWidth = Math.max(0, Math.floor((inWidth + padLeft + padRight - poolWidth) / strideWidth) + 1);
  return {
    batch,
    inHeight,
    inWidth,
    channels,
    poolHeight,
    poolWidth,
    outHeight,
    outWidth,
    strideHeight,
    strideWidth,
    padTop,
    padLeft,
  };
}

/**
 * The window of output pixel (outRow, outColumn) clipped to the input: padded positions are simply outside
 * [rowStart, rowEnd) × [columnStart, columnEnd), so they never win a max and never count in an average.
 */
export interface PoolWindow {
  rowStart: number;
  rowEnd: number;
  columnStart: number;
  columnEnd: number;
}

export function clipPoolWindow(geometry: Pool2dGeometry, outRow: number, outColumn: number, window: PoolWindow): void {
  const top = outRow * geometry.strideHeight - geometry.padTop;
  const left = outColumn * geometry.strideWidth - geometry.padLeft;
  window.rowStart = Math.max(0, top);
  window.rowEnd = Math.min(geometry.inHeight, top + geometry.poolHeight);
  window.columnStart = Math.max(0, left);
  window.columnEnd = Math.min(geometry.inWidth, left + geometry.poolWidth);
}
