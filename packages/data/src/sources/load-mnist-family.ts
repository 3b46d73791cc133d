import { InvalidArgumentError, type Tensor, tensor } from '@tessera/core';
import { readIdx } from '../idx/read-idx';
import { downloadFiles, type RemoteFile } from './download-files';
import { joinPath, nodeFileSystem, nodeHomeDirectory, nodeProcess } from './node-modules';

export interface MnistFamilyOptions {
  /** Folder holding the four IDX files (plain or `.gz`); searched first. */
  directory?: string;
  /** Images as [N, 784] instead of [N, 28, 28]. Default false. */
  flatten?: boolean;
  /** Pixels as float32 in [0, 1] instead of float32 in [0, 255]. Default true. */
  normalize?: boolean;
  /** When no folder has the files, download them into the cache (checksums verified). Default true. */
  download?: boolean;
  /** Base address to download from instead of the canonical one (ends with '/'); checksums still apply. */
  mirror?: string;
}

export interface MnistSplit {
  /** float32 [N, 28, 28], or [N, 784] with `flatten`. */
  images: Tensor;
  /** int32 [N], class indices 0..9. */
  labels: Tensor;
}

export interface MnistFamilyData {
  train: MnistSplit;
  test: MnistSplit;
}

/** How one member of the MNIST family is found: its name, environment variable, cache folder and system folders. */
export interface MnistFamilySource {
  name: string;
  environmentVariable: string;
  cacheFolder: string;
  systemDirectories: readonly string[];
  /** Canonical address and checksums; without it the data set is never downloaded. */
  download?: { baseUrl: string; files: readonly RemoteFile[] };
}

const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

type FileKey = keyof typeof FILES;

/** `$XDG_CACHE_HOME/tessera/<name>`, else `~/.cache/tessera/<name>`. */
export function cacheDirectory(source: MnistFamilySource): string | undefined {
  const environment = nodeProcess()?.env ?? {};
  const home = nodeHomeDirectory();
  const cacheRoot = environment.XDG_CACHE_HOME || (home ? joinPath(home, '.cache') : undefined);
  return cacheRoot ? joinPath(joinPath(cacheRoot, 'tessera'), source.cacheFolder) : undefined;
}

/** The places to look, in order, each named for the error message. */
export function candidateDirectories(
  source: MnistFamilySource,
  directory?: string,
): Array<{ label: string; path: string }> {
  const places: Array<{ label: string; path: string }> = [];
  if (directory !== undefined) places.push({ label: 'options.directory', path: directory });
  const environment = nodeProcess()?.env ?? {};
  const fromEnvironment = environment[source.environmentVariable];
  if (fromEnvironment) places.push({ label: `$${source.environmentVariable}`, path: fromEnvironment });
  const cacheRoot =
    environment.XDG_CACHE_HOME || (nodeHomeDirectory() ? joinPath(nodeHomeDirectory() as string, '.cache') : undefined);
  if (cacheRoot) places.push({ label: 'cache', path: joinPath(joinPath(cacheRoot, 'tessera'), source.cacheFolder) });
  for (const system of source.systemDirectories) places.push({ label: 'system', path: system });
  return places;
}

/** Finds a folder with all four files (plain or gzip); a folder with only some of them does not count. */
export function locateFiles(source: MnistFamilySource, directory?: string): Record<FileKey, string> {
  const fileSystem = nodeFileSystem();
  if (!fileSystem) {
    throw new InvalidArgumentError(
      `${source.name}: loading from disk needs Node's fs module, which is not available here`,
    );
  }
  const places = candidateDirectories(source, directory);
  for (const place of places) {
    const found: Partial<Record<FileKey, string>> = {};
    for (const key of Object.keys(FILES) as FileKey[]) {
      const plain = joinPath(place.path, FILES[key]);
      const compressed = `${plain}.gz`;
      if (fileSystem.existsSync(plain)) found[key] = plain;
      else if (fileSystem.existsSync(compressed)) found[key] = compressed;
    }
    if (Object.keys(found).length === 4) return found as Record<FileKey, string>;
  }
  const searched = places.map((place) => `  - ${place.path} (${place.label})`).join('\n');
  throw new InvalidArgumentError(
    `${source.name}: could not find ${Object.values(FILES).join(', ')} (each optionally .gz) in any of:\n${searched}\n` +
      `Pass { directory }, set $${source.environmentVariable}, or put the files in the cache folder.`,
  );
}

async function readSplit(
  source: MnistFamilySource,
  imagesPath: string,
  labelsPath: string,
  flatten: boolean,
  normalize: boolean,
): Promise<MnistSplit> {
  const fileSystem = nodeFileSystem();
  if (!fileSystem) throw new InvalidArgumentError(`${source.name}: Node's fs module is not available`);
  const images = await readIdx(new Uint8Array(await fileSystem.promises.readFile(imagesPath)));
  const labels = await readIdx(new Uint8Array(await fileSystem.promises.readFile(labelsPath)));
  if (images.dataType !== 'uint8' || images.shape.length !== 3) {
    throw new InvalidArgumentError(
      `${source.name}: ${imagesPath} should hold uint8 images [N, rows, columns], got ${images.dataType} [${images.shape.join(', ')}]`,
    );
  }
  if (labels.dataType !== 'uint8' || labels.shape.length !== 1) {
    throw new InvalidArgumentError(
      `${source.name}: ${labelsPath} should hold uint8 labels [N], got ${labels.dataType} [${labels.shape.join(', ')}]`,
    );
  }
  const [count, rows, columns] = images.shape as [number, number, number];
  if (labels.shape[0] !== count) {
    throw new InvalidArgumentError(
      `${source.name}: ${imagesPath} has ${count} images but ${labelsPath} has ${labels.shape[0]} labels`,
    );
  }
  const labelValues = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const label = labels.values[index] as number;
    if (label > 9) {
      throw new InvalidArgumentError(
        `${source.name}: ${labelsPath} has label ${label} at index ${index}: expected 0..9`,
      );
    }
    labelValues[index] = label;
  }
  const scale = normalize ? 1 / 255 : 1;
  const pixels = new Float32Array(images.values.length);
  for (let index = 0; index < pixels.length; index++) pixels[index] = (images.values[index] as number) * scale;
  return {
    images: tensor(pixels, flatten ? [count, rows * columns] : [count, rows, columns], 'float32'),
    labels: tensor(labelValues, [count], 'int32'),
  };
}

async function locateOrDownload(
  source: MnistFamilySource,
  options: MnistFamilyOptions,
): Promise<Record<FileKey, string>> {
  try {
    return locateFiles(source, options.directory);
  } catch (notFound) {
    const cache = cacheDirectory(source);
    if (!source.download || options.download === false || !cache) throw notFound;
    try {
      await downloadFiles({
        operation: source.name,
        baseUrl: options.mirror ?? source.download.baseUrl,
        files: source.download.files,
        directory: cache,
      });
    } catch (downloadError) {
      throw new InvalidArgumentError(
        `${(notFound as Error).message}\nDownloading into ${cache} failed too: ${(downloadError as Error).message}`,
      );
    }
    return locateFiles(source, options.directory);
  }
}

/** Locates and reads the four files of an MNIST-family data set. */
export async function loadMnistFamily(
  source: MnistFamilySource,
  options: MnistFamilyOptions = {},
): Promise<MnistFamilyData> {
  if (options.directory !== undefined && typeof options.directory !== 'string') {
    throw new InvalidArgumentError(
      `${source.name}: options.directory must be a string, got ${typeof options.directory}`,
    );
  }
  const paths = await locateOrDownload(source, options);
  const flatten = options.flatten ?? false;
  const normalize = options.normalize ?? true;
  const train = await readSplit(source, paths.trainImages, paths.trainLabels, flatten, normalize);
  try {
    const test = await readSplit(source, paths.testImages, paths.testLabels, flatten, normalize);
    return { train, test };
  } catch (error) {
    train.images.dispose();
    train.labels.dispose();
    throw error;
  }
}
