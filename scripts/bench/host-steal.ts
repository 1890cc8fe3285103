/**
 * CPU time the host took from this virtual machine: the "steal" column of /proc/stat. On a shared
 * cloud machine it comes and goes (measured here: from nothing to 20 s of a 25-second training
 * run), and it slows a run whatever the page does. Recorded beside the paired training runs, so that
 * the report tells the machine's noise from the site's cost. Linux only: undefined elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** What /proc counts CPU time in: clock ticks (USER_HZ, 100 a second on most Linux systems). */
export function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** Seconds of CPU the host has taken from all of this machine's cores since it started. */
export function hostStealSeconds(): number | undefined {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.trim().split(/\s+/) ?? [];
    const steal = Number(fields[8]);
    return fields[0] === 'cpu' && Number.isFinite(steal) ? steal / clockTicksPerSecond() : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `run` and adds to `stolen` the seconds the host took meanwhile (nothing where that is unknown). */
export async function countingSteal<T>(stolen: number[], run: () => Promise<T>): Promise<T> {
  const before = hostStealSeconds();
  const result = await run();
  const after = hostStealSeconds();
  if (before !== undefined && after !== undefined) stolen.push(after - before);
  return result;
}
