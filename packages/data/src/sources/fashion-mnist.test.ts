import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InvalidArgumentError, memory } from '@tessera/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEBIAN_FASHION_MNIST_DIRECTORY, fashionMnist } from './fashion-mnist';
import { mnist } from './mnist';

function idxFile(typeByte: number, shape: number[], body: Uint8Array): Uint8Array {
  const header = new Uint8Array(4 + 4 * shape.length);
  header[2] = typeByte;
  header[3] = shape.length;
  const view = new DataView(header.buffer);
  for (const [axis, dimension] of shape.entries()) view.setUint32(4 + 4 * axis, dimension, false);
  const file = new Uint8Array(header.length + body.length);
  file.set(header);
  file.set(body, header.length);
  return file;
}

/** Writes a tiny MNIST-shaped data set: `count` 28×28 images whose pixels encode their index, labels index % 10. */
function writeTinySet(directory: string, prefix: 'train' | 't10k', count: number, compress: boolean): void {
  const pixels = new Uint8Array(count * 28 * 28);
  for (let image = 0; image < count; image++) pixels.fill((image * 51) % 256, image * 784, (image + 1) * 784);
  const labels = Uint8Array.from({ length: count }, (_, index) => index % 10);
  const write = (name: string, bytes: Uint8Array) =>
    writeFileSync(join(directory, compress ? `${name}.gz` : name), compress ? gzipSync(bytes) : bytes);
  write(`${prefix}-images-idx3-ubyte`, idxFile(0x08, [count, 28, 28], pixels));
  write(`${prefix}-labels-idx1-ubyte`, idxFile(0x08, [count], labels));
}

const temporaryFolders: string[] = [];
function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tessera-data-'));
  temporaryFolders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
  delete process.env.TESSERA_FASHION_MNIST_DIR;
  delete process.env.TESSERA_MNIST_DIR;
});

describe('MNIST-family loaders on small files', () => {
  it('reads an explicit folder, plain and gzip, normalized, flattened or not', async () => {
    const folder = temporaryFolder();
    writeTinySet(folder, 'train', 6, false);
    writeTinySet(folder, 't10k', 3, true);
    const data = await mnist({ directory: folder });
    expect(data.train.images.shape).toEqual([6, 28, 28]);
    expect(data.train.images.dtype).toBe('float32');
    expect(data.train.labels.dtype).toBe('int32');
    expect(data.train.labels.arraySync()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(data.test.images.shape).toEqual([3, 28, 28]);
    const pixels = data.train.images.dataSync();
    expect(pixels[784 * 5]).toBeCloseTo(255 / 255);
    expect(pixels[784 * 1]).toBeCloseTo(51 / 255);
    const raw = await mnist({ directory: folder, flatten: true, normalize: false });
    expect(raw.train.images.shape).toEqual([6, 784]);
    expect(raw.train.images.dataSync()[784]).toBe(51);
    for (const split of [data.train, data.test, raw.train, raw.test]) {
      split.images.dispose();
      split.labels.dispose();
    }
  });

  it('falls back to the environment variable', async () => {
    const folder = temporaryFolder();
    writeTinySet(folder, 'train', 2, true);
    writeTinySet(folder, 't10k', 2, true);
    process.env.TESSERA_FASHION_MNIST_DIR = folder;
    const before = memory().numTensors;
    const data = await fashionMnist({ directory: join(folder, 'missing') });
    expect(data.train.images.shape[0]).toBe(2);
    expect(memory().numTensors - before).toBe(4);
    for (const split of [data.train, data.test]) {
      split.images.dispose();
      split.labels.dispose();
    }
  });

  it('lists every place searched when nothing is found', async () => {
    const folder = temporaryFolder();
    process.env.TESSERA_MNIST_DIR = join(folder, 'from-env');
    const attempt = mnist({ directory: join(folder, 'explicit') });
    await expect(attempt).rejects.toThrow(InvalidArgumentError);
    const message = await mnist({ directory: join(folder, 'explicit') }).catch((error: Error) => error.message);
    expect(message).toContain('mnist: could not find train-images-idx3-ubyte');
    expect(message).toContain(`${join(folder, 'explicit')} (options.directory)`);
    expect(message).toContain(`${join(folder, 'from-env')} ($TESSERA_MNIST_DIR)`);
    expect(message).toMatch(/tessera\/mnist \(cache\)/);
  });

  it('rejects mismatched counts and out-of-range labels', async () => {
    const folder = temporaryFolder();
    writeTinySet(folder, 'train', 4, false);
    writeTinySet(folder, 't10k', 2, false);
    writeFileSync(join(folder, 't10k-labels-idx1-ubyte'), idxFile(0x08, [3], Uint8Array.from([1, 2, 3])));
    const before = memory().numTensors;
    await expect(mnist({ directory: folder })).rejects.toThrow(/has 2 images but .* has 3 labels/);
    writeFileSync(join(folder, 't10k-labels-idx1-ubyte'), idxFile(0x08, [2], Uint8Array.from([1, 12])));
    await expect(mnist({ directory: folder })).rejects.toThrow(/has label 12 at index 1: expected 0\.\.9/);
    expect(memory().numTensors).toBe(before);
  });
});

const debianInstalled = existsSync(`${DEBIAN_FASHION_MNIST_DIRECTORY}/train-images-idx3-ubyte.gz`);
if (!debianInstalled) {
  console.warn(
    `Skipping the real Fashion-MNIST test: ${DEBIAN_FASHION_MNIST_DIRECTORY} is missing (apt-get install dataset-fashion-mnist)`,
  );
}

describe.skipIf(!debianInstalled)('fashionMnist with the Debian package', () => {
  it('loads 60000 + 10000 examples with balanced labels and pixels in [0, 1]', async () => {
    const data = await fashionMnist({ flatten: true });
    expect(data.train.images.shape).toEqual([60000, 784]);
    expect(data.test.images.shape).toEqual([10000, 784]);
    expect(data.train.labels.shape).toEqual([60000]);
    expect(data.test.labels.shape).toEqual([10000]);
    const counts = new Array(10).fill(0);
    for (const label of data.train.labels.dataSync()) counts[label]++;
    expect(counts).toEqual(new Array(10).fill(6000));
    for (const label of data.test.labels.dataSync()) expect(label >= 0 && label <= 9).toBe(true);
    let minimum = Number.POSITIVE_INFINITY;
    let maximum = Number.NEGATIVE_INFINITY;
    for (const pixel of data.train.images.dataSync()) {
      if (pixel < minimum) minimum = pixel;
      if (pixel > maximum) maximum = pixel;
    }
    expect(minimum).toBe(0);
    expect(maximum).toBe(1);
    for (const split of [data.train, data.test]) {
      split.images.dispose();
      split.labels.dispose();
    }
  });
});
