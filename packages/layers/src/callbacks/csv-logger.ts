import { InvalidArgumentError } from '@tessera/core';
import type { Callback, Logs } from '../models/callback';

export interface CsvLoggerOptions {
  separator?: string;
  /** Add to an existing file (its header is kept) instead of overwriting it. */
  append?: boolean;
  /**
   * Where the text goes instead of the file: required in browsers. With a sink, `append: true` means the sink
   * already holds a header, so none is written.
   */
  write?: (text: string) => void | Promise<void>;
}

/** The part of `node:fs` used here; reached through `process.getBuiltinModule` so browsers can bundle the package. */
interface FileSystem {
  existsSync(path: string): boolean;
  statSync(path: string): { size: number };
  promises: {
    writeFile(path: string, text: string): Promise<void>;
    appendFile(path: string, text: string): Promise<void>;
  };
}

function nodeFileSystem(): FileSystem | undefined {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  return nodeProcess?.getBuiltinModule?.('node:fs') as FileSystem | undefined;
}

/** Python's str() for a float, which Keras writes: `nan`, `inf`, else the shortest round-trip digits. */
function formatCell(value: number | undefined): string {
  if (value === undefined) return 'NA';
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}

/** Quotes a field only when it has to be (Python csv's QUOTE_MINIMAL). */
function quoteField(field: string, separator: string): string {
  const needsQuotes = field.includes(separator) || field.includes('"') || field.includes('\n') || field.includes('\r');
  return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Streams epoch results to a CSV file, as Keras's `CSVLogger` does: a header `epoch,<sorted log keys>` and one row
 * per epoch (epoch 0-based; a key missing from an epoch's logs is written as `NA`).
 */
export function csvLogger(path: string, options: CsvLoggerOptions = {}): Callback {
  const separator = options.separator ?? ',';
  if (typeof separator !== 'string' || separator.length !== 1) {
    throw new InvalidArgumentError(`csvLogger: separator must be a single character, got ${String(separator)}`);
  }
  const fileSystem = options.write === undefined ? nodeFileSystem() : undefined;
  if (options.write === undefined && fileSystem === undefined) {
    throw new InvalidArgumentError(
      `csvLogger: writing '${path}' needs Node's fs (process.getBuiltinModule('node:fs')), which this environment lacks; pass a write(text) sink instead`,
    );
  }
  if (options.write === undefined && (typeof path !== 'string' || path === '')) {
    throw new InvalidArgumentError(`csvLogger: path must be a non-empty string, got ${String(path)}`);
  }
  const filePath = typeof path === 'string' ? path.replace(/^file:\/\//, '') : path;
  let keys: string[] | undefined;
  let headerNeeded = true;

  const write = async (text: string): Promise<void> => {
    if (options.write !== undefined) await options.write(text);
    else await fileSystem?.promises.appendFile(filePath, text);
  };
  const row = (fields: string[]): string => `${fields.map((field) => quoteField(field, separator)).join(separator)}\n`;

  return {
    async onTrainBegin() {
      keys = undefined;
      if (options.write !== undefined) {
        headerNeeded = !options.append;
        return;
      }
      const existing = options.append === true && fileSystem?.existsSync(filePath) === true;
      headerNeeded = !(existing && (fileSystem?.statSync(filePath).size ?? 0) > 0);
      // Like Keras opening the file in 'w' mode: without append, the file starts empty even if no epoch ends.
      if (!options.append) await fileSystem?.promises.writeFile(filePath, '');
    },
    async onEpochEnd(epoch: number, logs: Logs) {
      keys ??= Object.keys(logs).sort();
      let text = '';
      if (headerNeeded) {
        text += row(['epoch', ...keys]);
        headerNeeded = false;
      }
      text += row([String(epoch), ...keys.map((key) => formatCell(logs[key]))]);
      await write(text);
    },
  };
}
