import { afterEach, describe, expect, it } from 'vitest';
import {
  adamUpdate,
  add,
  compileStep,
  dropout,
  gather,
  logSoftmax,
  matmul,
  mean,
  memory,
  mul,
  neg,
  relu,
  scalar,
  setSeed,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  type Variable,
  variable,
  variableGrads,
  zerosLike,
} from '../index';
import { randomValues, seededRandom } from '../test-utils/oracle';

let created: Variable[] = [];
let counter = 0;

afterEach(() => {
  for (const each of created) each.dispose();
  created = [];
});

/** A two-layer network's weights and an Adam state, from a fixed seed, under unique names. */
function model(seed: number) {
  const random = seededRandom(seed);
  const make = (shape: number[], scale: number) => {
    const made = variable(
      tensor(
        randomValues(
          shape.reduce((a, b) => a * b, 1),
          random,
          -scale,
          scale,
        ),
        shape,
      ),
      { name: `compile-step-test-${counter++}` },
    );
    created.push(made);
    return made;
  };
  const weights = [make([12, 16], 0.5), make([16], 0.1), make([16, 5], 0.5), make([5], 0.1)];
  const moments = weights.flatMap((weight) => {
    const first = variable(zerosLike(weight), { name: `compile-step-test-${counter++}`, trainable: false });
    const second = variable(zerosLike(weight), { name: `compile-step-test-${counter++}`, trainable: false });
    created.push(first, second);
    return [first, second];
  });
  return { weights, moments };
}

/** Forward, softmax cross-entropy, gradients and an Adam update: a whole training step, returning the loss. */
function trainingStep(state: ReturnType<typeof model>, dropoutRate: number) {
  const [w1, b1, w2, b2] = state.weights;
  return (inputs: Tensor, labels: Tensor): Tensor[] => {
    const { value, grads } = variableGrads(() => {
      const hidden = relu(add(matmul(inputs, w1), b1));
      const dropped = dropoutRate > 0 ? dropout(hidden, dropoutRate) : hidden;
      const logits = add(matmul(dropped, w2), b2);
      return neg(mean(sum(mul(labels, logSoftmax(logits)), -1)));
    }, state.weights);
    state.weights.forEach((weight, index) => {
      const [first, second] = [state.moments[2 * index], state.moments[2 * index + 1]];
      const [newWeight, newFirst, newSecond] = adamUpdate(weight, grads[weight.name], first, second, {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-7,
        stepSize: 0.01,
        secondCorrection: 0.5,
      });
      weight.assign(newWeight);
      first.assign(newFirst);
      second.assign(newSecond);
    });
    return [value];
  };
}

function batch(seed: number, rows = 8): { inputs: Tensor; labels: Tensor } {
  const random = seededRandom(seed);
  const labels = new Float32Array(rows * 5);
  for (let row = 0; row < rows; row++) labels[row * 5 + Math.floor(random() * 5)] = 1;
  return { inputs: tensor(randomValues(rows * 12, random, -1, 1), [rows, 12]), labels: tensor(labels, [rows, 5]) };
}

/** Runs `steps` steps with `runner` on fresh weights; returns every loss and the final weights. */
function train(runner: 'eager' | 'compiled' | 'unfused', steps: number, dropoutRate = 0) {
  setSeed(7);
  const state = model(3);
  const eager = trainingStep(state, dropoutRate);
  const step =
    runner === 'eager'
      ? (...args: Tensor[]) => tidy(() => eager(args[0], args[1]))
      : compileStep(eager, { fuseElementwise: runner === 'compiled' });
  const losses: number[] = [];
  for (let index = 0; index < steps; index++) {
    tidy(() => {
      const { inputs, labels } = batch(100 + index);
      losses.push(step(inputs, labels)[0].dataSync()[0]);
    });
  }
  const weights = state.weights.map((weight) => Array.from(weight.dataSync()));
  return { losses, weights, step };
}

describe('compileStep', () => {
  it('traces twice, then replays a training step with the same results as eager execution, bit for bit', () => {
    const eager = train('eager', 12);
    const compiled = train('compiled', 12);
    expect(compiled.losses).toEqual(eager.losses);
    expect(compiled.weights).toEqual(eager.weights);
    const [signature] = (compiled.step as ReturnType<typeof compileStep>).signatures();
    expect(signature.mode).toBe('compiled');
    expect(signature.calls).toBe(12);
    expect(signature.kernels).toBeGreaterThan(10);
    expect(signature.fusedChains).toBeGreaterThan(0);
    expect(eager.losses[11]).toBeLessThan(eager.losses[0]);
  });

  it('gives the same bits with and without fused element-wise chains', () => {
    const unfused = train('unfused', 5, 0.3);
    const fused = train('compiled', 5, 0.3);
    expect(fused.losses).toEqual(unfused.losses);
    expect(fused.weights).toEqual(unfused.weights);
    expect((unfused.step as ReturnType<typeof compileStep>).signatures()[0].fusedChains).toBe(0);
    expect(() => compileStep((x: Tensor) => x, { fuseElementwise: 1 as never })).toThrow(
      'compileStep: fuseElementwise must be a boolean, got 1',
    );
  });

  it('draws fresh dropout masks from the global stream on every replay, as eager calls do', () => {
    const eager = train('eager', 6, 0.3);
    const compiled = train('compiled', 6, 0.3);
    expect(compiled.losses).toEqual(eager.losses);
    expect(compiled.weights).toEqual(eager.weights);
  });

  it('keeps the live tensor and buffer counts flat across 1,000 compiled steps', () => {
    setSeed(1);
    const state = model(5);
    const step = compileStep(trainingStep(state, 0.2));
    const { inputs, labels } = batch(9);
    const runSteps = (count: number) => {
      for (let index = 0; index < count; index++) {
        tidy(() => {
          step(inputs, labels);
        });
      }
    };
    runSteps(3);
    const before = memory();
    runSteps(1000);
    const after = memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
    expect(after.backend.numBuffers).toBe(before.backend.numBuffers);
    expect(step.signatures()[0].mode).toBe('compiled');
    step.dispose();
    inputs.dispose();
    labels.dispose();
  });

  it('traces each input signature separately', () => {
    const state = model(11);
    const step = compileStep(trainingStep(state, 0));
    for (const rows of [8, 8, 8, 3, 3, 3, 8]) {
      tidy(() => {
        const { inputs, labels } = batch(rows, rows);
        step(inputs, labels);
      });
    }
    const modes = step.signatures().map(({ signature, mode, calls }) => [signature, mode, calls]);
    expect(modes).toEqual([
      ['cpu|float32[8,12] float32[8,5]', 'compiled', 4],
      ['cpu|float32[3,12] float32[3,5]', 'compiled', 3],
    ]);
    step.dispose();
  });

  it('stays eager, with the reason, when the step reads a value back', () => {
    const step = compileStep((x: Tensor) => mul(x, x.dataSync()[0]));
    const results = [1, 2, 3].map((value) => tidy(() => Array.from(step(tensor([value, 4])).dataSync())));
    expect(results).toEqual([
      [1, 4],
      [4, 8],
      [9, 12],
    ]);
    expect(step.signatures()[0]).toMatchObject({ mode: 'eager', reason: expect.stringContaining('dataSync') });
  });

  it('stays eager when a host number that changes per call becomes a constant', () => {
    let calls = 0;
    const step = compileStep((x: Tensor) => mul(x, scalar(++calls)));
    const results = [0, 1, 2, 3].map(() => tidy(() => step(tensor([1, 2])).dataSync()[1]));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(step.signatures()[0]).toMatchObject({ mode: 'eager', reason: expect.stringContaining('constant') });
  });

  it('stays eager when it reads a different outside tensor each call, and replays one that stays the same', () => {
    const offsets = [tensor([1]), tensor([2]), tensor([3]), tensor([4])];
    let call = 0;
    const changing = compileStep((x: Tensor) => add(x, offsets[call++]));
    const changingResults = offsets.map(() => tidy(() => changing(tensor([10])).dataSync()[0]));
    expect(changingResults).toEqual([11, 12, 13, 14]);
    expect(changing.signatures()[0]).toMatchObject({ mode: 'eager', reason: expect.stringContaining('argument') });
    const fixed = compileStep((x: Tensor) => add(x, offsets[0]));
    const fixedResults = offsets.map(() => tidy(() => fixed(tensor([10])).dataSync()[0]));
    expect(fixedResults).toEqual([11, 11, 11, 11]);
    expect(fixed.signatures()[0].mode).toBe('compiled');
    fixed.dispose();
    for (const offset of offsets) offset.dispose();
  });

  it('stays eager when the step keeps a tensor it does not return', () => {
    const kept: Tensor[] = [];
    const step = compileStep((x: Tensor) => {
      const doubled = add(x, x);
      kept.push(doubled);
      doubled.kept = true;
      return mul(doubled, 3);
    });
    for (let index = 0; index < 3; index++) tidy(() => step(tensor([1])));
    expect(step.signatures()[0]).toMatchObject({ mode: 'eager', reason: expect.stringContaining('outlived') });
    for (const tensorKept of kept) tensorKept.dispose();
  });

  it('replays a step that returns its argument, a variable and an intermediate, each as its own tensor', () => {
    const weight = variable(tensor([2, 3]), { name: `compile-step-test-${counter++}` });
    created.push(weight);
    const step = compileStep((x: Tensor) => {
      weight.assign(add(weight, x));
      return [x, weight, sub(weight, x)];
    });
    const rounds = [0, 1, 2, 3].map(() =>
      tidy(() => step(tensor([1, 1])).map((result) => Array.from(result.dataSync()))),
    );
    expect(rounds).toEqual([
      [
        [1, 1],
        [3, 4],
        [2, 3],
      ],
      [
        [1, 1],
        [4, 5],
        [3, 4],
      ],
      [
        [1, 1],
        [5, 6],
        [4, 5],
      ],
      [
        [1, 1],
        [6, 7],
        [5, 6],
      ],
    ]);
    expect(step.signatures()[0].mode).toBe('compiled');
  });

  it('runs eagerly, and so can be differentiated, while a gradient is recorded', () => {
    const weight = variable(tensor([3]), { name: `compile-step-test-${counter++}` });
    created.push(weight);
    const square = compileStep((x: Tensor) => mul(x, x));
    for (let index = 0; index < 3; index++) tidy(() => square(tensor([1])));
    const gradient = tidy(() =>
      Array.from(variableGrads(() => square(weight), [weight]).grads[weight.name].dataSync()),
    );
    expect(gradient).toEqual([6]);
  });

  it('rejects what is not a step, an argument or a result', () => {
    expect(() => compileStep(3 as never)).toThrow('compileStep: expected a function');
    const step = compileStep((x: Tensor) => x);
    expect(() => step(3 as never)).toThrow('compileStep: argument 0 must be a Tensor, got number');
    const wrong = compileStep(() => 3 as never);
    expect(() => wrong()).toThrow('compileStep: the step must return a Tensor or an array of Tensors');
    const disposed = tensor([1]);
    disposed.dispose();
    expect(() => step(disposed)).toThrow(/compileStep \(argument 0\).*already disposed/);
  });

  it('names a variable disposed after tracing', () => {
    const weight = variable(tensor([1]), { name: `compile-step-test-${counter++}` });
    const step = compileStep((x: Tensor) => mul(x, weight));
    for (let index = 0; index < 2; index++) tidy(() => step(tensor([2])));
    weight.dispose();
    expect(() => tidy(() => step(tensor([2])))).toThrow(`variable '${weight.name}' was disposed`);
  });
});

describe('compileStep with value checks', () => {
  it('repeats checkValues validations (gather indices) on every replay and frees what the failed call made', () => {
    const table = tensor([10, 20, 30], [3, 1]);
    const step = compileStep((ids: Tensor) => mul(gather(table, ids), 2));
    const good = () => tidy(() => Array.from(step(tensor([2, 0], [2], 'int32')).dataSync()));
    expect([good(), good(), good()]).toEqual([
      [60, 20],
      [60, 20],
      [60, 20],
    ]);
    expect(step.signatures()[0].mode).toBe('compiled');
    const before = memory();
    expect(() => tidy(() => step(tensor([1, 3], [2], 'int32')))).toThrow(
      'gather: index 3 at position 1 is out of range [0, 3) for axis 0',
    );
    const after = memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.backend.numBuffers).toBe(before.backend.numBuffers);
    expect(good()).toEqual([60, 20]);
    step.dispose();
    table.dispose();
  });
});
