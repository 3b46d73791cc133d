import { InvalidArgumentError } from '@tessera/core';
import { parse } from 'csv-parse/sync';
import { Dataset } from '../dataset';
import { assertTextSource, readTextSource, type TextSource } from './read-text-source';

export interface CsvColumnConfig {
  /** 'number' parses (and insists on) numbers, 'string' keeps text. Unconfigured columns are numbers when they parse. */
  type?: 'number' | 'string';
  /** The column goes to `ys` instead of `xs`; with any label column, elements are `{ xs, ys }`. */
  isLabel?: boolean;
  /** Used for empty cells. */
  default?: number | string;
  /** An empty cell without a default is an error. */
  required?: boolean;
}

export interface CsvOptions {
  /** The first row names the columns. Default true. */
  hasHeader?: boolean;
  /** Column names when there is no header (or to override it). */
  columnNames?: readonly string[];
  delimiter?: string;
  columnConfigs?: Readonly<Record<string, CsvColumnConfig>>;
  /** Keep only the columns named in `columnConfigs`. Default false. */
  configuredColumnsOnly?: boolean;
}

export type CsvValue = number | string;
export type CsvRow = Record<string, CsvValue>;

function convert(cell: string, name: string, config: CsvColumnConfig, row: number): CsvValue {
  if (cell === '') {
    if (config.default !== undefined) return config.default;
    if (config.required)
      throw new InvalidArgumentError(`csv: column '${name}' is required but empty in data row ${row}`);
    return config.type === 'string' ? '' : Number.NaN;
  }
  if (config.type === 'string') return cell;
  const value = Number(cell);
  if (Number.isNaN(value) && cell.trim() !== 'NaN') {
    if (config.type === 'number') {
      throw new InvalidArgumentError(`csv: column '${name}' expects numbers, got '${cell}' in data row ${row}`);
    }
    return cell;
  }
  return value;
}

/**
 * Rows of CSV text or a CSV file as records of numbers and strings (parsed with csv-parse). Rows are plain values, so
 * `.batch()` turns numeric columns into tensors.
 */
export function csv(source: TextSource, options: CsvOptions = {}): Dataset<CsvRow | { xs: CsvRow; ys: CsvRow }> {
  assertTextSource(source, 'csv');
  const hasHeader = options.hasHeader ?? true;
  const delimiter = options.delimiter ?? ',';
  const columnConfigs = options.columnConfigs ?? {};
  if (typeof delimiter !== 'string' || delimiter.length === 0) {
    throw new InvalidArgumentError(`csv: delimiter must be a non-empty string, got ${String(delimiter)}`);
  }
  if (!hasHeader && options.columnNames === undefined) {
    throw new InvalidArgumentError('csv: without a header row, columnNames must name the columns');
  }
  const hasLabels = Object.values(columnConfigs).some((config) => config.isLabel);
  return new Dataset(async function* () {
    const text = await readTextSource(source, 'csv');
    let records: string[][];
    try {
      records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: false, bom: true });
    } catch (error) {
      throw new InvalidArgumentError(`csv: malformed CSV: ${(error as Error).message}`);
    }
    const header = hasHeader ? (records.shift() ?? []) : [];
    const names = options.columnNames ? [...options.columnNames] : header;
    const width = records[0]?.length ?? names.length;
    if (names.length !== width) {
      throw new InvalidArgumentError(`csv: expected ${width} column names, got ${names.length} (${names.join(', ')})`);
    }
    for (const configured of Object.keys(columnConfigs)) {
      if (!names.includes(configured)) {
        throw new InvalidArgumentError(
          `csv: columnConfigs names '${configured}', which is not a column of ${names.join(', ')}`,
        );
      }
    }
    for (const [rowIndex, record] of records.entries()) {
      const xs: CsvRow = {};
      const ys: CsvRow = {};
      for (const [position, name] of names.entries()) {
        const config = columnConfigs[name];
        if (!config && options.configuredColumnsOnly) continue;
        const value = convert(record[position] ?? '', name, config ?? {}, rowIndex + 1);
        if (config?.isLabel) ys[name] = value;
        else xs[name] = value;
      }
      yield hasLabels ? { xs, ys } : xs;
    }
  });
}
