// Shared by the unit layer's generated-input and linear-time tests: a seeded generator, and CPU time per call
// measured so that ratios between sizes in one run mean something on a shared machine (never a wall-clock limit).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** mulberry32, seeded: tiny, fast, good enough to spread inputs; a failure's seed and index reproduce its input. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * CPU microseconds of this process per call of `run(source)` (other jobs on the machine do not count). The call
 * repeats until the window holds at least 50 ms of CPU: process.cpuUsage() moves in scheduler ticks, so timing a
 * sub-millisecond call once is noise. Garbage is collected first, so one window's garbage is not billed to the next.
 */
export function cpuTimePerCall(run: (s: string) => unknown, source: string): number {
  collectGarbage();
  const before = process.cpuUsage();
  let calls = 0;
  let used = 0;
  do {
    run(source);
    calls++;
    const u = process.cpuUsage(before);
    used = u.user + u.system;
  } while (used < 50_000);
  return used / calls;
}

/** The best of `runs` windows: load on the machine only ever adds time. */
export function bestCpuTime(run: (s: string) => unknown, source: string, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) best = Math.min(best, cpuTimePerCall(run, source));
  return best;
}
