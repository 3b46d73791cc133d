import os from 'node:os';

/**
 * Starts measuring how much CPU time other processes take while the bench runs; the returned function gives their
 * share of the machine's capacity so far (0 = the bench had the machine to itself, 0.5 = half of all cores were
 * busy elsewhere). A load average cannot tell the bench's own work from the rest; per-core counters minus this
 * process's CPU time can.
 */
export function startCpuContentionMeter(): () => number {
  const busyAtStart = machineBusyMilliseconds();
  const ownAtStart = process.cpuUsage();
  const wallAtStart = performance.now();
  return () => {
    const machineBusy = machineBusyMilliseconds() - busyAtStart;
    const ownUsage = process.cpuUsage(ownAtStart);
    const ownBusy = (ownUsage.user + ownUsage.system) / 1000;
    const capacity = (performance.now() - wallAtStart) * os.cpus().length;
    return capacity > 0 ? Math.min(1, Math.max(0, (machineBusy - ownBusy) / capacity)) : 0;
  };
}

/** CPU time spent on anything but idling, summed over all cores, since boot. */
function machineBusyMilliseconds(): number {
  let busy = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, irq } = cpu.times;
    busy += user + nice + sys + irq;
  }
  return busy;
}
