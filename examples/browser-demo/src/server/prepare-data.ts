import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encodeSubset, type FashionMnistSubset } from '../subset-format';

/** Where Debian's dataset-fashion-mnist package puts the IDX files. */
export const DEBIAN_FASHION_MNIST = '/usr/share/datasets/fashion-mnist';

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

export interface PrepareSubsetOptions {
  /** The folder holding the four *-ubyte.gz files. */
  sourceDirectory?: string;
  trainExamples?: number;
  testExamples?: number;
}

/** The first `count` items of a gzipped IDX file (uint8 images [N, 28, 28] or labels [N]). */
function readIdxPrefix(path: string, expectedMagic: number, count: number): { values: Uint8Array; itemSize: number } {
  const bytes = gunzipSync(readFileSync(path));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) {
    throw new Error(
      `prepare-data: ${path} has IDX magic 0x${magic.toString(16)}, expected 0x${expectedMagic.toString(16)}`,
    );
  }
  const rank = magic & 0xff;
  const available = view.getUint32(4, false);
  if (count > available) throw new Error(`prepare-data: ${path} holds ${available} items, ${count} were asked for`);
  let itemSize = 1;
  for (let axis = 1; axis < rank; axis++) itemSize *= view.getUint32(4 + axis * 4, false);
  const start = 4 + rank * 4;
  return { values: bytes.slice(start, start + count * itemSize), itemSize };
}

/** Reads the first N training and test examples of Debian's Fashion-MNIST. */
export function readFashionMnistSubset(options: PrepareSubsetOptions = {}): FashionMnistSubset {
  const { sourceDirectory = DEBIAN_FASHION_MNIST, trainExamples = 5000, testExamples = 1000 } = options;
  const file = (name: string) => join(sourceDirectory, `${name}.gz`);
  const trainImages = readIdxPrefix(file('train-images-idx3-ubyte'), IMAGES_MAGIC, trainExamples);
  const testImages = readIdxPrefix(file('t10k-images-idx3-ubyte'), IMAGES_MAGIC, testExamples);
  return {
    pixelsPerImage: trainImages.itemSize,
    train: {
      images: trainImages.values,
      labels: readIdxPrefix(file('train-labels-idx1-ubyte'), LABELS_MAGIC, trainExamples).values,
      count: trainExamples,
    },
    test: {
      images: testImages.values,
      labels: readIdxPrefix(file('t10k-labels-idx1-ubyte'), LABELS_MAGIC, testExamples).values,
      count: testExamples,
    },
  };
}

/** Whether Debian's data set is installed (`apt-get install dataset-fashion-mnist`). */
export function fashionMnistAvailable(sourceDirectory = DEBIAN_FASHION_MNIST): boolean {
  return existsSync(join(sourceDirectory, 'train-images-idx3-ubyte.gz'));
}

/** Writes the subset file the page loads; returns its size in bytes. */
export function writeSubsetFile(outputPath: string, options: PrepareSubsetOptions = {}): number {
  const bytes = encodeSubset(readFashionMnistSubset(options));
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, bytes);
  return bytes.length;
}
