/**
 * Timing and reporting shared by the bench sections. Figures are medians over repeated runs in
 * one process; compare ratios within a run, not absolute times across machines.
 */
import { spawnSync } from 'node:child_process';

export interface Result {
  readonly name: string;
  readonly medianMs: number;
  readonly runs: number;
}

/** Median wall time of `run`, repeated until ~`budgetMs` is spent (at least `minRuns` times). */
export function measure(name: string, run: () => unknown, budgetMs = 1500, minRuns = 5): Result {
  run(); // warm-up: JIT and caches
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < budgetMs) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
    if (times.length >= 10_000) break;
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)]!, runs: times.length };
}

/** Per-call time of a fast op: time a batch of calls so the timer's resolution does not matter. */
export function measurePerCall(name: string, run: () => unknown, callsPerBatch = 10_000): Result {
  const batch = (): void => {
    for (let i = 0; i < callsPerBatch; i++) run();
  };
  const result = measure(name, batch, 1500, 7);
  return { name, medianMs: result.medianMs / callsPerBatch, runs: result.runs * callsPerBatch };
}

export const formatTime = (ms: number): string => (ms >= 0.1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(3)} µs`);

/** Prints a table: a name column and right-aligned value columns. */
export function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  console.log(`\n${title}\n`);
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(62) : cell.padStart(12))).join('');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

/**
 * Runs a Python program with the system python3 and numpy, returning its JSON output, or
 * undefined (with the reason) when numpy is not there. The program must print one JSON value.
 * `MEDIAN_MS` is defined for it: the same median-of-repeats timing as `measure`.
 */
export function runNumpy<T>(program: string): { value: T } | { skipped: string } {
  const prelude = `
import json, time, numpy as np
def median_ms(run, budget=1.5, min_runs=5):
    run()
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - start < budget:
        t0 = time.perf_counter(); run(); times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2] * 1000
`;
  const python = spawnSync('/usr/bin/python3', ['-c', prelude + program], { encoding: 'utf8' });
  if (python.error !== undefined || python.status !== 0) {
    return { skipped: 'numpy: skipped, /usr/bin/python3 cannot import numpy (apt-get install python3-numpy)' };
  }
  return { value: JSON.parse(python.stdout) as T };
}
