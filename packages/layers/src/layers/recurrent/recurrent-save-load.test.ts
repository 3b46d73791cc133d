import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Tensor, tensor } from '@tessera/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../models/load-model';
import { Sequential } from '../../models/sequential';
import { registerLayer } from '../../serialization/layer-registry';
import { Dense } from '../dense';
import { Embedding } from '../embedding';
import { Bidirectional } from './bidirectional';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { TimeDistributed } from './time-distributed';

const folder = mkdtempSync(join(tmpdir(), 'tessera-recurrent-save-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Until these classes are in serialization/builtin-layer-classes.ts, register them as custom layers.
registerLayer('LSTM', LSTM as never);
registerLayer('GRU', GRU as never);
registerLayer('Bidirectional', Bidirectional as never);
registerLayer('TimeDistributed', TimeDistributed as never);

describe('recurrent models save and load', () => {
  it('round-trips Embedding(maskZero) → Bidirectional(LSTM) → GRU → TimeDistributed(Dense) and keeps training', async () => {
    const model = new Sequential([
      new Embedding({ inputDim: 7, outputDim: 3, maskZero: true }),
      new Bidirectional({ layer: new LSTM({ units: 4, returnSequences: true }), mergeMode: 'ave' }),
      new GRU({ units: 3, returnSequences: true, resetAfter: false }),
      new TimeDistributed({ layer: new Dense({ units: 2, activation: 'softmax' }) }),
    ]);
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    const ids = tensor([1, 2, 3, 0, 4, 5, 0, 0], [2, 4], 'int32');
    const labels = tensor([0, 1, 1, 0, 1, 0, 0, 0], [2, 4]);
    const first = (await model.trainOnBatch(ids, labels)).loss as number;
    for (let step = 0; step < 20; step++) await model.trainOnBatch(ids, labels);
    const trained = (await model.trainOnBatch(ids, labels)).loss as number;
    expect(trained).toBeLessThan(first);
    const url = `file://${join(folder, 'recurrent')}`;
    await model.save(url);
    const again = await loadModel(url);
    expect(again.layers.map((layer) => layer.className)).toEqual([
      'Embedding',
      'Bidirectional',
      'GRU',
      'TimeDistributed',
    ]);
    expect(Array.from((again.predict(ids) as Tensor).dataSync())).toEqual(
      Array.from((model.predict(ids) as Tensor).dataSync()),
    );
    expect(model.namedWeights.map((entry) => entry.name)).toContain(
      `${model.layers[1].name}/backward/recurrent_kernel`,
    );
  });
});
