import { argMax, div, memory, setSeed, slice, type Tensor, tensor, tidy } from '@tessera/core';
import { Dense, Sequential } from '@tessera/layers';
import { decodeSubset, SUBSET_FILE_NAME } from '../subset-format';
import { chooseBackend } from './choose-backend';
import { showPredictions } from './prediction-gallery';
import { TrainingChart } from './training-chart';

/**
 * The demo page: loads the Fashion-MNIST subset, trains the MLP with `model.fit` and draws the progress. Its state
 * is mirrored in data attributes on <body> (state, backend, epochs, batches, chart points, test accuracy, error)
 * so the end-to-end test can follow it without parsing text.
 */
const GALLERY_SIZE = 12;
const parameters = new URLSearchParams(location.search);
const epochs = Number(parameters.get('epochs') ?? 5);
const batchSize = Number(parameters.get('batchSize') ?? 64);

const body = document.body;
const status = document.getElementById('status') as HTMLElement;
const chart = new TrainingChart(document.getElementById('chart') as HTMLCanvasElement);
const gallery = document.getElementById('predictions') as HTMLElement;

function report(text: string): void {
  status.textContent = text;
}

function pixelsToTensor(pixels: Uint8Array, count: number): Tensor {
  return tidy(() => div(tensor(Float32Array.from(pixels), [count, pixels.length / count]), 255));
}

async function run(): Promise<void> {
  const backend = await chooseBackend(parameters.get('backend'));
  body.dataset.backend = backend.name;
  const response = await fetch(SUBSET_FILE_NAME);
  if (!response.ok) throw new Error(`could not load ${SUBSET_FILE_NAME}: HTTP ${response.status}`);
  const subset = decodeSubset(new Uint8Array(await response.arrayBuffer()));
  const trainImages = pixelsToTensor(subset.train.images, subset.train.count);
  const trainLabels = tensor(Int32Array.from(subset.train.labels), [subset.train.count], 'int32');
  const testImages = pixelsToTensor(subset.test.images, subset.test.count);
  const testLabels = tensor(Int32Array.from(subset.test.labels), [subset.test.count], 'int32');
  const galleryImages = subset.test.images.subarray(0, GALLERY_SIZE * subset.pixelsPerImage);

  setSeed(42);
  const model = new Sequential([
    new Dense({ units: 128, activation: 'relu', inputShape: [subset.pixelsPerImage] }),
    new Dense({ units: 10, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const backendText = backend.name === 'cpu' ? `CPU (fallback: ${backend.fallbackReason})` : 'WebGPU';
  let epochsDone = 0;
  const updatePredictions = async () => {
    const predicted = tidy(() => argMax(model.predict(slice(testImages, [0, 0], [GALLERY_SIZE, -1])) as Tensor, 1));
    const labels = await predicted.data();
    predicted.dispose();
    showPredictions(gallery, galleryImages, subset.test.labels, labels);
  };

  body.dataset.state = 'training';
  report(`training on ${backendText}: ${subset.train.count} images, ${epochs} epochs of batches of ${batchSize}`);
  await model.fit(trainImages, trainLabels, {
    epochs,
    batchSize,
    seed: 42,
    verbose: 0,
    validationData: [testImages, testLabels],
    callbacks: [
      {
        onBatchEnd(batch, logs) {
          chart.addBatch({ loss: logs.loss, accuracy: logs.accuracy });
          body.dataset.batches = String(chart.points.length);
          body.dataset.chartPoints = String(chart.points.length);
          report(
            `${backendText} · epoch ${epochsDone + 1}/${epochs} · batch ${batch + 1} · loss ${logs.loss.toFixed(4)} · accuracy ${logs.accuracy.toFixed(3)}`,
          );
        },
        async onEpochEnd(_epoch, logs) {
          epochsDone += 1;
          chart.addEpoch(logs.val_accuracy);
          body.dataset.epochs = String(epochsDone);
          body.dataset.testAccuracy = logs.val_accuracy.toFixed(4);
          await updatePredictions();
        },
      },
    ],
  });
  report(
    `done on ${backendText}: test accuracy ${body.dataset.testAccuracy} after ${epochsDone} epochs (${memory().numTensors} live tensors)`,
  );
  body.dataset.state = 'done';
}

run().catch((error: unknown) => {
  body.dataset.state = 'error';
  body.dataset.error = error instanceof Error ? error.message : String(error);
  report(`error: ${body.dataset.error}`);
  console.error(error);
});
