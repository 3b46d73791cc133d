import { Dataset } from '../dataset';
import { assertTextSource, readTextSource, type TextSource } from './read-text-source';

/** One element per line (without its `\n` or `\r\n`); a final newline does not add an empty line. */
export function textLines(source: TextSource): Dataset<string> {
  assertTextSource(source, 'textLines');
  return new Dataset(async function* () {
    const text = await readTextSource(source, 'textLines');
    if (text.length === 0) return;
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    yield* lines;
  });
}
