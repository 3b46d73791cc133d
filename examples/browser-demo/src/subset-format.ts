/**
 * The binary file the page downloads: a Fashion-MNIST subset small enough to ship to a browser.
 * Layout (little-endian): 'TFMS', uint32 train count, uint32 test count, uint32 pixels per image (784), then
 * train images (uint8 pixels), train labels (uint8), test images, test labels.
 */
export const SUBSET_MAGIC = 'TFMS';
export const SUBSET_HEADER_BYTES = 16;
export const SUBSET_FILE_NAME = 'fashion-mnist-subset.bin';

export interface FashionMnistSubset {
  pixelsPerImage: number;
  train: { images: Uint8Array; labels: Uint8Array; count: number };
  test: { images: Uint8Array; labels: Uint8Array; count: number };
}

export function encodeSubset(subset: FashionMnistSubset): Uint8Array {
  const { train, test, pixelsPerImage } = subset;
  const bytes = new Uint8Array(SUBSET_HEADER_BYTES + (train.count + test.count) * (pixelsPerImage + 1));
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < SUBSET_MAGIC.length; index++) bytes[index] = SUBSET_MAGIC.charCodeAt(index);
  view.setUint32(4, train.count, true);
  view.setUint32(8, test.count, true);
  view.setUint32(12, pixelsPerImage, true);
  let offset = SUBSET_HEADER_BYTES;
  for (const part of [train.images, train.labels, test.images, test.labels]) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

export function decodeSubset(bytes: Uint8Array): FashionMnistSubset {
  const magic = String.fromCharCode(...bytes.subarray(0, SUBSET_MAGIC.length));
  if (magic !== SUBSET_MAGIC || bytes.length < SUBSET_HEADER_BYTES) {
    throw new Error(`${SUBSET_FILE_NAME}: not a Fashion-MNIST subset file (starts with ${JSON.stringify(magic)})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const trainCount = view.getUint32(4, true);
  const testCount = view.getUint32(8, true);
  const pixelsPerImage = view.getUint32(12, true);
  const expectedLength = SUBSET_HEADER_BYTES + (trainCount + testCount) * (pixelsPerImage + 1);
  if (bytes.length !== expectedLength) {
    throw new Error(
      `${SUBSET_FILE_NAME}: expected ${expectedLength} bytes for the header's counts, got ${bytes.length}`,
    );
  }
  let offset = SUBSET_HEADER_BYTES;
  const take = (length: number): Uint8Array => {
    const part = bytes.subarray(offset, offset + length);
    offset += length;
    return part;
  };
  const trainImages = take(trainCount * pixelsPerImage);
  const trainLabels = take(trainCount);
  const testImages = take(testCount * pixelsPerImage);
  const testLabels = take(testCount);
  return {
    pixelsPerImage,
    train: { images: trainImages, labels: trainLabels, count: trainCount },
    test: { images: testImages, labels: testLabels, count: testCount },
  };
}
