import { ENGINE } from '../../engine/engine';
import { tidy } from '../../memory/tidy';

/**
 * Runs the body of an op built from other ops. Outside a gradient tape its intermediates are disposed at once;
 * while recording they must live on, because the tape's backward functions read them (the tidy around
 * `grad`/`valueAndGrads` frees them afterwards).
 */
export function runComposed<T>(body: () => T): T {
  return ENGINE.isRecording() ? body() : tidy(body);
}
