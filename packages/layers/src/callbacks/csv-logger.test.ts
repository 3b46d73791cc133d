import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@tessera/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { csvLogger } from './csv-logger';
import { createFakeTrainingModel, type FakeTrainingModel } from './fake-training-model';
import { runFakeFit } from './run-fake-fit';

let directory = '';
let model: FakeTrainingModel | undefined;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'tessera-csv-'));
  model = createFakeTrainingModel();
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
  model?.dispose();
  vi.unstubAllGlobals();
});

const epochLogs = [
  { val_loss: 0.5, loss: 0.75, accuracy: 0.25 },
  { val_loss: 0.25, loss: Number.NaN, accuracy: 0.5 },
];

describe('csvLogger', () => {
  it('writes a header of sorted keys and one row per 0-based epoch', async () => {
    const path = join(directory, 'log.csv');
    await runFakeFit(model as FakeTrainingModel, [csvLogger(path)], { epochLogs });
    expect(readFileSync(path, 'utf8')).toBe('epoch,accuracy,loss,val_loss\n0,0.25,0.75,0.5\n1,0.5,nan,0.25\n');
  });

  it('overwrites by default and appends without a second header when asked', async () => {
    const path = join(directory, 'log.csv');
    writeFileSync(path, 'old contents\n');
    await runFakeFit(model as FakeTrainingModel, [csvLogger(`file://${path}`, { separator: ';' })], {
      epochLogs: epochLogs.slice(0, 1),
    });
    expect(readFileSync(path, 'utf8')).toBe('epoch;accuracy;loss;val_loss\n0;0.25;0.75;0.5\n');
    await runFakeFit(model as FakeTrainingModel, [csvLogger(path, { separator: ';', append: true })], {
      epochLogs: epochLogs.slice(0, 1),
    });
    expect(readFileSync(path, 'utf8')).toBe('epoch;accuracy;loss;val_loss\n0;0.25;0.75;0.5\n0;0.25;0.75;0.5\n');
    const fresh = join(directory, 'fresh.csv');
    await runFakeFit(model as FakeTrainingModel, [csvLogger(fresh, { append: true })], { epochLogs });
    expect(readFileSync(fresh, 'utf8').split('\n')[0]).toBe('epoch,accuracy,loss,val_loss');
  });

  it('writes NA for keys missing from a later epoch', async () => {
    const sink: string[] = [];
    const logger = csvLogger('ignored', { write: (text) => void sink.push(text) });
    await runFakeFit(model as FakeTrainingModel, [logger], { epochLogs: [{ loss: 1, val_loss: 2 }, { loss: 0.5 }] });
    expect(sink.join('')).toBe('epoch,loss,val_loss\n0,1,2\n1,0.5,NA\n');
  });

  it('quotes header fields that contain the separator or quotes', async () => {
    const sink: string[] = [];
    const logger = csvLogger('ignored', { write: (text) => void sink.push(text) });
    await runFakeFit(model as FakeTrainingModel, [logger], { epochLogs: [{ 'top,k': 1, 'say "hi"': 2 }] });
    expect(sink.join('')).toBe('epoch,"say ""hi""","top,k"\n0,2,1\n');
  });

  it('fails clearly without node:fs unless given a sink', () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    expect(() => csvLogger('log.csv')).toThrow(InvalidArgumentError);
    expect(() => csvLogger('log.csv')).toThrow(/needs Node's fs.*pass a write\(text\) sink/);
    expect(() => csvLogger('log.csv', { write: () => {} })).not.toThrow();
  });

  it('rejects a multi-character separator', () => {
    expect(() => csvLogger(join(directory, 'x.csv'), { separator: ', ' })).toThrow(/single character/);
  });
});
