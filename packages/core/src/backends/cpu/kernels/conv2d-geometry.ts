import type { Conv2dAttributes } from '../../../backend/kernel-specs';

/** Every size a conv2d kernel needs, from NHWC input, HWIO filter and resolved attributes. */
export interface Conv2dGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  filterHeight: number;
  filterWidth: number;
  outChannels: number;
  outHeight: number;
  outWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padTop: number;
  padLeft: number;
  /** Values per im2col row: filterHeight · filterWidth · inChannels, the order of an HWIO filter's rows. */
  patchSize: number;
  /** Rows of the im2col matrix: batch · outHeight · outWidth, the order of NHWC output pixels. */
  patchCount: number;
}

export function conv2dGeometry(
  inputShape: readonly number[],
  filterShape: readonly number[],
  attributes: Conv2dAttributes,
): Conv2dGeometry {
  const [batch, inHeight, inWidth, inChannels] = inputShape;
  const [filterHeight, filterWidth, , outChannels] = filterShape;
  const [strideHeight, strideWidth] = attributes.strides;
  const [dilationHeight, dilationWidth] = attributes.dilations;
  const [padTop, padBottom, padLeft, padRight] = attributes.padding;
  const dilatedFilterHeight = (filterHeight - 1) * dilationHeight + 1;
  const dilatedFilterWidth = (filterWidth - 1) * dilationWidth + 1;
  const outHeight = Math.max(0, Math.floor((inHeight + padTop + padBottom - dilatedFilterHeight) / strideHeight) + 1);
  const outWidth = Math.max(0, Math.floor((inWidth + padLeft + padRight - dilatedFilterWidth) / strideWidth) + 1);
  return {
    batch,
    inHeight,
    inWidth,
    inChannels,
    filterHeight,
    filterWidth,
    outChannels,
    outHeight,
    outWidth,
    strideHeight,
    strideWidth,
    dilationHeight,
    dilationWidth,
    padTop,
    padLeft,
    patchSize: filterHeight * filterWidth * inChannels,
    patchCount: batch * outHeight * outWidth,
  };
}

/** True when the im2col matrix is the input itself (1x1 filter, unit stride, no padding), so no copy is needed. */
export function isPointwise(geometry: Conv2dGeometry): boolean {
  return (
    geometry.filterHeight === 1 &&
    geometry.filterWidth === 1 &&
    geometry.strideHeight === 1 &&
    geometry.strideWidth === 1 &&
    geometry.padTop === 0 &&
    geometry.padLeft === 0 &&
    geometry.outHeight === geometry.inHeight &&
    geometry.outWidth === geometry.inWidth
  );
}

/** Patch rows per chunk: about 512 KiB of im2col at a time keeps it in L2 and bounds the scratch memory. */
export function patchRowsPerChunk(geometry: Conv2dGeometry): number {
  return Math.max(16, Math.floor(131072 / Math.max(1, geometry.patchSize)));
}
