import type { Conv2dGeometry } from './conv2d-geometry';

/**
 * The adjoint of im2col: adds each value of patch-gradient rows [firstRow, firstRow + rowCount) back onto the
 * input pixel it was copied from. Taps in the padding had no source, so their gradient is dropped.
 */
export function col2im(
  patchGradients: Float32Array,
  geometry: Conv2dGeometry,
  firstRow: number,
  rowCount: number,
  dx: Float32Array,
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
  let source = 0;
  for (let row = firstRow; row < firstRow + rowCount; row++) {
    const image = Math.floor(row / pixelsPerImage);
    const pixel = row - image * pixelsPerImage;
    const outRow = Math.floor(pixel / outWidth);
    const outColumn = pixel - outRow * outWidth;
    const imageBase = image * inHeight * inWidth * inChannels;
    for (let filterRow = 0; filterRow < filterHeight; filterRow++) {
      const inRow = outRow * strideHeight - padTop + filterRow * dilationHeight;
      if (inRow < 0 || inRow >= inHeight) continue;
      for (let filterColumn = 0; filterColumn < filterWidth; filterColumn++) {
        const inColumn = outColumn * strideWidth - padLeft + filterColumn * dilationWidth;
        if (inColumn < 0 || inColumn >= inWidth) continue;
        const target = imageBase + (inRow * inWidth + inColumn) * inChannels;
        const tap = source + (filterRow * filterWidth + filterColumn) * inChannels;
        for (let channel = 0; channel < inChannels; channel++) dx[target + channel] += patchGradients[tap + channel];
      }
    }
    source += patchSize;
  }
}
