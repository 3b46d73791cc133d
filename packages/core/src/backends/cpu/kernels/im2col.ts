import type { Conv2dGeometry } from './conv2d-geometry';

/**
 * Writes im2col rows [firstRow, firstRow + rowCount) into `patches`: row r is the receptive field of output pixel r
 * (flattened batch, outRow, outColumn), laid out filterRow, filterColumn, inChannel, the row order of an HWIO
 * filter, so patches · filter is the NHWC output. Taps that fall in the padding are zero.
 */
export function im2col(
  x: Float32Array,
  geometry: Conv2dGeometry,
  firstRow: number,
  rowCount: number,
  patches: Float32Array,
): void {
  const {
    inHeight,
    inWidth,
    inChannels,
    filterHeight,
    filterWidth,
    outHeight,
    outWidth,
    strideHeight,
    strideWidth,
    dilationHeight,
    dilationWidth,
    padTop,
    padLeft,
    patchSize,
  } = geometry;
  const pixelsPerImage = outHeight * outWidth;
  let target = 0;
  for (let row = firstRow; row < firstRow + rowCount; row++) {
    const image = Math.floor(row / pixelsPerImage);
    const pixel = row - image * pixelsPerImage;
    const outRow = Math.floor(pixel / outWidth);
    const outColumn = pixel - outRow * outWidth;
    const imageBase = image * inHeight * inWidth * inChannels;
    const rowEnd = target + patchSize;
    for (let filterRow = 0; filterRow < filterHeight; filterRow++) {
      const inRow = outRow * strideHeight - padTop + filterRow * dilationHeight;
      if (inRow < 0 || inRow >= inHeight) {
        patches.fill(0, target, target + filterWidth * inChannels);
        target += filterWidth * inChannels;
        continue;
      }
      for (let filterColumn = 0; filterColumn < filterWidth; filterColumn++) {
        const inColumn = outColumn * strideWidth - padLeft + filterColumn * dilationWidth;
        if (inColumn < 0 || inColumn >= inWidth) {
          patches.fill(0, target, target + inChannels);
        } else {
          const source = imageBase + (inRow * inWidth + inColumn) * inChannels;
          for (let channel = 0; channel < inChannels; channel++) patches[target + channel] = x[source + channel];
        }
        target += inChannels;
      }
    }
    target = rowEnd;
  }
}
