import { Activation } from '../layers/activation';
import { Conv1D } from '../layers/conv1d-layer';
import { Conv2D } from '../layers/conv2d-layer';
import { Conv2DTranspose } from '../layers/conv2d-transpose-layer';
import { Dense } from '../layers/dense';
import { DepthwiseConv2D } from '../layers/depthwise-conv2d-layer';
import { Dropout } from '../layers/dropout-layer';
import { Flatten } from '../layers/flatten';
import { MaxPool2D } from '../layers/max-pool2d-layer';
import { Reshape } from '../layers/reshape-layer';
import { SeparableConv2D } from '../layers/separable-conv2d-layer';
import type { LayerClass } from './layer-registry';

/** Layer classes `loadModel` knows by their `className`; a function so nothing runs at import time. */
export function builtinLayerClasses(): Record<string, LayerClass> {
  return {
    Activation,
    Conv1D,
    Conv2D,
    Conv2DTranspose,
    DepthwiseConv2D,
    SeparableConv2D,
    Dense,
    Dropout,
    Flatten,
    MaxPool2D,
    MaxPooling2D: MaxPool2D,
    Reshape,
  } as unknown as Record<string, LayerClass>;
}
