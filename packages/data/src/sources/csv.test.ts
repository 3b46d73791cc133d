import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError, memory, type Tensor } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { csv } from './csv';
import { textLines } from './text-lines';

const table = 'sepal,petal,species\n5.1,1.4,setosa\n6.2,"4,5",versicolor\n\n7.7,6.1,virginica\n';

describe('csv', () => {
  it('parses a header, numbers, strings and quoted delimiters', async () => {
    const rows = await csv(table).toArray();
    expect(rows).toEqual([
      { sepal: 5.1, petal: 1.4, species: 'setosa' },
      { sepal: 6.2, petal: '4,5', species: 'versicolor' },
      { sepal: 7.7, petal: 6.1, species: 'virginica' },
    ]);
  });

  it('splits label columns into { xs, ys } and batches into tensors', async () => {
    const data = csv('a;b;label\n1;2;0\n3;4;1\n5;6;1\n', {
      delimiter: ';',
      columnConfigs: { label: { isLabel: true } },
    });
    expect((await data.toArray())[0]).toEqual({ xs: { a: 1, b: 2 }, ys: { label: 0 } });
    const before = memory().numTensors;
    const [batch] = (await data.batch(3).toArray()) as Array<{ xs: { a: Tensor; b: Tensor }; ys: { label: Tensor } }>;
    expect(batch?.xs.a.arraySync()).toEqual([1, 3, 5]);
    expect(batch?.ys.label.arraySync()).toEqual([0, 1, 1]);
    for (const item of [batch?.xs.a, batch?.xs.b, batch?.ys.label]) item?.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('handles no header, defaults, required cells, configured columns only and types', async () => {
    const rows = await csv('1,,x\n2,7,\n', {
      hasHeader: false,
      columnNames: ['id', 'score', 'tag'],
      columnConfigs: { score: { default: -1 }, tag: { type: 'string' } },
    }).toArray();
    expect(rows).toEqual([
      { id: 1, score: -1, tag: 'x' },
      { id: 2, score: 7, tag: '' },
    ]);
    const only = await csv('a,b\n1,2\n', { columnConfigs: { b: {} }, configuredColumnsOnly: true }).toArray();
    expect(only).toEqual([{ b: 2 }]);
    await expect(csv('a\n\n1\n""\n', { columnConfigs: { a: { required: true } } }).toArray()).rejects.toThrow(
      /csv: column 'a' is required but empty in data row 2/,
    );
    await expect(csv('a\nhello\n', { columnConfigs: { a: { type: 'number' } } }).toArray()).rejects.toThrow(
      /csv: column 'a' expects numbers, got 'hello' in data row 1/,
    );
  });

  it('reports malformed input and bad options as InvalidArgumentError', async () => {
    await expect(csv('a,b\n1,2,3\n').toArray()).rejects.toThrow(/csv: malformed CSV/);
    await expect(csv('a,b\n"1,2\n').toArray()).rejects.toThrow(InvalidArgumentError);
    await expect(csv('a,b\n1,2\n', { columnConfigs: { c: {} } }).toArray()).rejects.toThrow(
      /columnConfigs names 'c', which is not a column of a, b/,
    );
    expect(() => csv('1,2', { hasHeader: false })).toThrow(/columnNames must name the columns/);
    expect(() => csv(42 as never)).toThrow(/csv: expected text, a \{ path \} or a file: URL, got number/);
  });

  it('reads files by path and file: URL', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tessera-csv-'));
    try {
      const path = join(folder, 'table.csv');
      writeFileSync(path, table);
      expect((await csv({ path }).toArray()).length).toBe(3);
      expect((await csv(pathToFileURL(path)).toArray()).length).toBe(3);
      await expect(csv({ path: join(folder, 'missing.csv') }).toArray()).rejects.toThrow(
        /csv: cannot read .*missing\.csv/,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('textLines', () => {
  it('splits on \\n and \\r\\n without a trailing empty line', async () => {
    expect(await textLines('one\r\ntwo\n\nfour\n').toArray()).toEqual(['one', 'two', '', 'four']);
    expect(await textLines('').toArray()).toEqual([]);
    expect(await textLines('solo').toArray()).toEqual(['solo']);
  });

  it('reads a file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tessera-lines-'));
    try {
      const path = join(folder, 'lines.txt');
      writeFileSync(path, 'a\nb\n');
      expect(
        await textLines({ path })
          .map((line) => line.toUpperCase())
          .toArray(),
      ).toEqual(['A', 'B']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
