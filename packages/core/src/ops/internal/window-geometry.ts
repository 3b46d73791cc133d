/**
 * Where the sliding windows of a 2-D conv or pool fall on an NHWC input, once padding is explicit. Shared by
 * the composite kernels, which turn windows into gathers over the flattened (padded) spatial positions.
 */
export interface WindowGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  channels: number;
  windowHeight: number;
  windowWidth: number;
  strides: [number, number];
  dilations: [number, number];
  /** [top, bottom, left, right] */
  padding: [number, number, number, number];
  paddedHeight: number;
  paddedWidth: number;
  outHeight: number;
  outWidth: number;
}

export function windowGeometry(
  inputShape: readonly number[],
  windowSize: readonly [number, number],
  strides: [number, number],
  dilations: [number, number],
  padding: [number, number, number, number],
): WindowGeometry {
  const [batch, inHeight, inWidth, channels] = inputShape;
  const [top, bottom, left, right] = padding;
  const paddedHeight = inHeight + top + bottom;
  const paddedWidth = inWidth + left + right;
  const spanHeight = (windowSize[0] - 1) * dilations[0] + 1;
  const spanWidth = (windowSize[1] - 1) * dilations[1] + 1;
  return {
    batch,
    inHeight,
    inWidth,
    channels,
    windowHeight: windowSize[0],
    windowWidth: windowSize[1],
    strides,
    dilations,
    padding,
    paddedHeight,
    paddedWidth,
    outHeight: Math.max(Math.floor((paddedHeight - spanHeight) / strides[0]) + 1, 0),
    outWidth: Math.max(Math.floor((paddedWidth - spanWidth) / strides[1]) + 1, 0),
  };
}

/**
 * For output position p (row-major over outHeight × outWidth) and window element k (row-major over the window),
 * entry p·K + k is the flat index of the padded input position it reads: row × paddedWidth + column.
 */
export function windowIndices(geometry: WindowGeometry): Int32Array {
  const { outHeight, outWidth, windowHeight, windowWidth, strides, dilations, paddedWidth } = geometry;
  const windowSize = windowHeight * windowWidth;
  const indices = new Int32Array(outHeight * outWidth * windowSize);
  let position = 0;
  for (let outRow = 0; outRow < outHeight; outRow++) {
    for (let outColumn = 0; outColumn < outWidth; outColumn++) {
      for (let windowRow = 0; windowRow < windowHeight; windowRow++) {
        const row = outRow * strides[0] + windowRow * dilations[0];
        for (let windowColumn = 0; windowColumn < windowWidth; windowColumn++) {
          indices[position++] = row * paddedWidth + outColumn * strides[1] + windowColumn * dilations[1];
        }
      }
    }
  }
  return indices;
}
