/**
 * The README's demo: a character-level LSTM language model trained for a few minutes on Debian's license texts
 * (/usr/share/common-licenses), with the loss per epoch, the training speed, text sampled at two temperatures,
 * and a save → reload → continue round trip checked against the uninterrupted run.
 */
import { trainCharLstm } from './train-char-lstm';

const saveUrl = 'file://./char-lstm-model';
const result = await trainCharLstm({
  epochs: 4,
  stepsPerEpoch: 75,
  resumeSteps: 10,
  seed: 7,
  saveUrl,
  log: (line) => console.log(line),
});
console.log(`Loss per epoch: ${result.epochLosses.map((loss) => loss.toFixed(4)).join(' → ')}`);
console.log(`Training speed: ${result.tokensPerSecond.toFixed(0)} tokens/s`);
console.log(`Leaked tensors: ${result.leakedTensors}`);
if (!result.resumeMatches || result.leakedTensors !== 0) process.exitCode = 1;
