import { ShapeError, tensor, tidy, zeros } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { Dense } from './layers/dense';
import { Dropout } from './layers/dropout-layer';
import { Embedding } from './layers/embedding';

describe('Layer input checks after build', () => {
  it('lets the sequence length change between calls and fixes only the axes the weights depend on', () => {
    const dense = new Dense({ units: 2 });
    const dropout = new Dropout({ rate: 0.5 });
    const embedding = new Embedding({ inputDim: 5, outputDim: 4 });
    tidy(() => {
      expect(dropout.apply(dense.apply(zeros([2, 7, 4])), { training: true }).shape).toEqual([2, 7, 2]);
      expect(dropout.apply(dense.apply(zeros([3, 3, 4])), { training: true }).shape).toEqual([3, 3, 2]);
      expect(embedding.apply(tensor([[1, 2, 3]], [1, 3], 'int32')).shape).toEqual([1, 3, 4]);
      expect(embedding.apply(tensor([[1, 2, 3, 4, 0]], [1, 5], 'int32')).shape).toEqual([1, 5, 4]);
    });
    expect(() => tidy(() => dense.apply(zeros([2, 7, 5])))).toThrow(ShapeError);
    expect(() => tidy(() => dense.apply(zeros([2, 7, 5])))).toThrow(
      /expected input of shape \[null,null,4\], got \[2,7,5\]/,
    );
    expect(() => tidy(() => dense.apply(zeros([2, 4])))).toThrow(/got \[2,4\]/);
    dense.dispose();
    embedding.dispose();
  });
});
