/**
 * @tessera/data: an async-iterable `Dataset` pipeline and sources (arrays, generators, CSV, text lines, IDX / MNIST family).
 */

export { type BatchOptions, Dataset, type ShuffleOptions } from './dataset';
export { fromArray } from './from-array';
export { fromGenerator } from './from-generator';
export { type IdxData, type IdxDataType, type IdxValues, parseIdx, type ReadIdxOptions, readIdx } from './idx/read-idx';
export { type CsvColumnConfig, type CsvOptions, type CsvRow, type CsvValue, csv } from './sources/csv';
export type { RemoteFile } from './sources/download-files';
export {
  DEBIAN_FASHION_MNIST_DIRECTORY,
  FASHION_MNIST_FILES,
  FASHION_MNIST_URL,
  fashionMnist,
} from './sources/fashion-mnist';
export type { MnistFamilyData, MnistFamilyOptions, MnistSplit } from './sources/load-mnist-family';
export { mnist } from './sources/mnist';
export type { TextSource } from './sources/read-text-source';
export { textLines } from './sources/text-lines';
export type { Batched } from './transforms/batch-elements';
export { zip } from './zip';
