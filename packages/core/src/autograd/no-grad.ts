import { ENGINE } from '../engine/engine';

/** Runs `body` without recording anything on the tape (for updates, metrics, inference). */
export function noGrad<T>(body: () => T): T {
  return ENGINE.withoutRecording(body);
}
