import { InvalidArgumentError } from '@tessera/core';
import { ModelFormatError } from './model-format-error';
import { isPlainFileName } from './model-json';
import type { ModelStorageHandler, StoredFile, StoredModelFiles, StoredModelReader } from './model-storage-handler';
import type { ResolvedLoadOptions } from './storage-options';

type NodeFs = typeof import('node:fs');
type NodePath = typeof import('node:path');

const MODEL_JSON_FILE = 'model.json';

/** Reached through getBuiltinModule rather than imported, so the package still bundles for browsers. */
function nodeModules(): { fs: NodeFs; path: NodePath } {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  if (typeof nodeProcess?.getBuiltinModule !== 'function') {
    throw new InvalidArgumentError(
      "file:// model storage needs Node.js 20.16 or newer (process.getBuiltinModule); in a browser use 'indexeddb://' or 'http(s)://'",
    );
  }
  return {
    fs: nodeProcess.getBuiltinModule('node:fs') as NodeFs,
    path: nodeProcess.getBuiltinModule('node:path') as NodePath,
  };
}

function folderOf(url: string): string {
  const folder = url.slice('file://'.length);
  if (folder.length === 0) throw new InvalidArgumentError(`file storage: '${url}' names no folder`);
  if (folder.includes('\0')) throw new InvalidArgumentError(`file storage: '${url}' contains a NUL character`);
  return nodeModules().path.resolve(folder);
}

/** The path of a file inside the folder, refusing any name that would escape it. */
function pathInside(folder: string, fileName: string): string {
  const { path } = nodeModules();
  const filePath = path.join(folder, fileName);
  if (!isPlainFileName(fileName) || path.dirname(filePath) !== folder) {
    throw new ModelFormatError(
      'INVALID_FIELD',
      path.join(folder, MODEL_JSON_FILE),
      `weightsFile '${fileName}' is not a plain file name`,
    );
  }
  return filePath;
}

/** Writes beside the target and renames over it, so a crash leaves either the old file or the new one whole. */
async function writeFileAtomically(filePath: string, bytes: Uint8Array): Promise<void> {
  const { fs, path } = nodeModules();
  const temporaryPath = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`,
  );
  try {
    const handle = await fs.promises.open(temporaryPath, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporaryPath, filePath);
  } catch (error) {
    await fs.promises.rm(temporaryPath, { force: true });
    throw error;
  }
}

/** Reads a whole file after checking its size, so a huge or endless file is refused before allocating. */
async function readCappedFile(filePath: string, maxBytes: number): Promise<StoredFile> {
  const { fs } = nodeModules();
  let handle: Awaited<ReturnType<NodeFs['promises']['open']>>;
  try {
    handle = await fs.promises.open(filePath, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new ModelFormatError('NOT_FOUND', filePath, `cannot be opened (${code ?? (error as Error).message})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new ModelFormatError('NOT_FOUND', filePath, 'is not a regular file');
    if (stats.size > maxBytes) {
      throw new ModelFormatError('TOO_LARGE', filePath, `is ${stats.size} bytes, above the ${maxBytes}-byte limit`);
    }
    const bytes = new Uint8Array(stats.size);
    const { bytesRead } = stats.size > 0 ? await handle.read(bytes, 0, stats.size, 0) : { bytesRead: 0 };
    if (bytesRead !== stats.size) {
      throw new ModelFormatError(
        'NOT_FOUND',
        filePath,
        `changed while being read (${bytesRead} of ${stats.size} bytes)`,
      );
    }
    return { location: filePath, bytes };
  } finally {
    await handle.close();
  }
}

/**
 * `file://folder`: model.json and the weights file inside a folder (created as needed). Relative folders resolve
 * against the current working directory. The weights are renamed into place before model.json, so a reader never
 * sees a new model.json with old weights.
 */
export const fileStorageHandler: ModelStorageHandler = {
  async save(url: string, files: StoredModelFiles): Promise<void> {
    const folder = folderOf(url);
    const weightsPath = pathInside(folder, files.weightsFile);
    await nodeModules().fs.promises.mkdir(folder, { recursive: true });
    await writeFileAtomically(weightsPath, files.weights);
    await writeFileAtomically(nodeModules().path.join(folder, MODEL_JSON_FILE), files.modelJson);
  },

  async load(url: string, options: ResolvedLoadOptions): Promise<StoredModelReader> {
    const folder = folderOf(url);
    const modelJson = await readCappedFile(nodeModules().path.join(folder, MODEL_JSON_FILE), options.maxModelJsonBytes);
    return {
      modelJson,
      readWeights: (weightsFile) => readCappedFile(pathInside(folder, weightsFile), options.maxWeightsBytes),
    };
  },
};
