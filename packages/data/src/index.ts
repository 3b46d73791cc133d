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
export { BytePairEncoder, type BytePairEncoderJson, type BytePairTrainingOptions } from './text/byte-pair-encoder';
export {
  CharacterVocabulary,
  type CharacterVocabularyJson,
  type CharacterVocabularyOptions,
} from './text/character-vocabulary';
export { type PadSequencesOptions, padSequences } from './text/pad-sequences';
export { preSplitText } from './text/pre-split-text';
export type { MatrixMode } from './text/sequences-to-matrix';
export { type SlidingWindow, type SlidingWindowOptions, slidingWindows } from './text/sliding-windows';
export { DEFAULT_FILTERS, type TextToWordSequenceOptions, textToWordSequence } from './text/text-to-word-sequence';
export { Tokenizer, type TokenizerJson, type TokenizerOptions, type TokenizerText } from './text/tokenizer';
export { tokenizerFromKerasJson } from './text/tokenizer-from-keras-json';
export type { Batched } from './transforms/batch-elements';
export { zip } from './zip';
