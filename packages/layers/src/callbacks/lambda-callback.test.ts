import { describe, expect, it } from 'vitest';
import { createFakeTrainingModel } from './fake-training-model';
import { lambdaCallback } from './lambda-callback';
import { runFakeFit } from './run-fake-fit';

describe('lambdaCallback', () => {
  it('calls the given hooks in fit order and can stop training', async () => {
    const model = createFakeTrainingModel();
    const events: string[] = [];
    const callback = lambdaCallback({
      onTrainBegin: () => void events.push('train begin'),
      onEpochBegin: (epoch) => void events.push(`epoch ${epoch} begin`),
      onBatchEnd: (batch, logs) => void events.push(`batch ${batch} loss ${logs.loss}`),
      onEpochEnd: (epoch, logs) => {
        events.push(`epoch ${epoch} end ${logs.val_loss}`);
        if (epoch === 1) model.stopTraining = true;
      },
      onTrainEnd: () => void events.push('train end'),
    });
    const logs = await runFakeFit(model, [callback], {
      epochLogs: [{ val_loss: 3 }, { val_loss: 2 }, { val_loss: 1 }],
      batchLosses: [[4, 2], [1], [1]],
    });
    expect(logs).toHaveLength(2);
    expect(events).toEqual([
      'train begin',
      'epoch 0 begin',
      'batch 0 loss 4',
      'batch 1 loss 3',
      'epoch 0 end 3',
      'epoch 1 begin',
      'batch 0 loss 1',
      'epoch 1 end 2',
      'train end',
    ]);
    model.dispose();
  });
});
