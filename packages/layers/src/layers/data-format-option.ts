import { InvalidArgumentError } from '@tessera/core';

/** Keras's `dataFormat`; only channels-last (NHWC) layouts are implemented. */
export type DataFormat = 'channelsLast';

/** Accepts only 'channelsLast' (the default), saying so clearly for anything else; `context` names the layer. */
export function assertDataFormat(dataFormat: unknown, context: string): DataFormat {
  if (dataFormat === undefined || dataFormat === 'channelsLast') return 'channelsLast';
  throw new InvalidArgumentError(
    `${context}: dataFormat must be 'channelsLast' (the only layout supported), got ${String(dataFormat)}`,
  );
}
