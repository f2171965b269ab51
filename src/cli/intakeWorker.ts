/**
 * A worker thread of `wuhua merge` (built to build/intake-worker.js, started by
 * src/cli/pool.ts): takes the next file of the run from the counter it shares with the
 * main thread and the other workers, runs exactly the command line's intakeFile on it
 * and posts the result back with its index, until none is left. A worker holds one file
 * at a time, so no file waits behind a slow or dying worker, and its slot says which
 * file it holds (the one a crash happened on). Then it waits: the pool may give it the
 * JSON report to write (src/cli/report.ts) while the main thread writes the summary,
 * or end it.
 */
import { parentPort, workerData } from 'worker_threads';
import type { CheckOptions, IntakeResult } from '../model/types';
import { intakeFile } from './intakeFile';
import { writeReason } from './io';
import { useNativeZlib } from './nativeZlib';
import { writeReportJob, type ReportJob } from './report';
import { claim, SharedInputs, type SharedRun } from './sharedRun';

/** What a worker posts: one message per file it took; `result` null for an input the main thread already knows is rejected. */
export interface WorkerResult {
  n: number;
  result: IntakeResult | null;
}

/** What a worker posts once it has written the report it was given. */
export interface WorkerReported {
  written: { ok: true } | { ok: false; reason: string };
}

/** The report to write, and where it goes (for the reason of a failure). */
export type WorkerReportJob = ReportJob & { path: string };

export interface WorkerData {
  opts: CheckOptions;
}

/** The run, once the pool has it (a worker may be started before the inputs are listed). */
async function serve(port: NonNullable<typeof parentPort>, opts: CheckOptions, run: SharedRun, slot: number): Promise<void> {
  const inputs = new SharedInputs(run);
  const slots = new Int32Array(run.slots);
  Atomics.store(slots, slot, -1); // loaded
  for (let n = claim(run); n !== undefined; n = claim(run)) {
    Atomics.store(slots, slot, n);
    const input = inputs.get(n);
    const result = input.ok ? await intakeFile(input, opts) : null;
    port.postMessage({ n, result } satisfies WorkerResult);
    Atomics.store(slots, slot, -1);
  }
}

/** Writes the report it was given and says how that went; then the thread ends. */
function report(port: NonNullable<typeof parentPort>, job: WorkerReportJob): void {
  let written: WorkerReported['written'];
  try {
    writeReportJob(job);
    written = { ok: true };
  } catch (e) {
    written = { ok: false, reason: writeReason(e, job.path) };
  }
  port.postMessage({ written } satisfies WorkerReported);
  port.close();
}

if (parentPort) {
  const port = parentPort;
  useNativeZlib(); // as bin/wuhua's run() does on the main thread: inflate with Node's zlib
  let serving: Promise<void> | undefined;
  // The run first; a report, if any, once every file is taken (after serve, whatever the order the messages come in).
  port.on('message', (m: { run: SharedRun; slot: number } | WorkerReportJob) => {
    if ('run' in m) serving = serve(port, (workerData as WorkerData).opts, m.run, m.slot);
    else void (serving ?? Promise.resolve()).then(() => report(port, m));
  });
}
