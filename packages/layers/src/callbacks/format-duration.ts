/** Keras's ETA format: `45s`, `2:05`, `1:02:05`. */
export function formatEta(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  if (whole > 3600) return `${hours}:${String(minutes).padStart(2, '0')}:${rest}`;
  if (whole > 60) return `${Math.floor(whole / 60)}:${rest}`;
  return `${whole}s`;
}

/** Keras's time per step: whole seconds, milliseconds or microseconds, whichever reads best. */
export function formatTimePerStep(seconds: number): string {
  if (seconds >= 1) return `${Math.round(seconds)}s/step`;
  if (seconds >= 1e-3) return `${Math.round(seconds * 1e3)}ms/step`;
  return `${Math.round(seconds * 1e6)}us/step`;
}
