/**
 * A worker thread of `wuhua merge` (built to build/intake-worker.js, started by
 * src/cli/pool.ts): takes the next file of the run from the counter it shares with the
 * main thread and the other workers, runs exactly the command line's intakeFile on it
 * and posts the result back with its index, until none is left. A worker holds one file
 * at a time, so no file waits behind a slow or dying worker, and its slot says which
 * file it holds (the one a crash happened on).
 */
import { parentPort, workerData, type MessagePort } from 'worker_threads';
import type { CheckOptions, IntakeResult } from '../model/types';
import { intakeFile } from './intakeFile';
import { useNativeZlib } from './nativeZlib';
import type { RunMessage } from './pool';
import { claim, SharedInputs, type SharedRun } from './sharedRun';

/**
 * What a worker posts: one message per file it took; `result` null for an input the main
 * thread already knows is rejected; `id` the identity of the file read (the outputs are
 * checked against it: OutputGuard in files.ts).
 */
export interface WorkerResult {
  n: number;
  result: IntakeResult | null;
  id?: string;
}

export interface WorkerData {
  opts: CheckOptions;
}

/** The run, once the pool has it (a worker may be started before the inputs are listed). */
async function serve(results: MessagePort, opts: CheckOptions, run: SharedRun, slot: number): Promise<void> {
  const inputs = new SharedInputs(run);
  const slots = new Int32Array(run.slots);
  Atomics.store(slots, slot, -1); // loaded
  for (let n = claim(run); n !== undefined; n = claim(run)) {
    Atomics.store(slots, slot, n);
    const input = inputs.get(n);
    const read = input.ok ? await intakeFile(input, opts) : null;
    results.postMessage({ n, result: read?.result ?? null, id: read?.id } satisfies WorkerResult);
    Atomics.store(slots, slot, -1);
  }
  results.close();
  parentPort?.close(); // every file taken: the thread ends
}

if (parentPort) {
  const port = parentPort;
  useNativeZlib(); // as bin/wuhua's run() does on the main thread: inflate with Node's zlib
  port.once('message', (m: RunMessage) => void serve(m.results, (workerData as WorkerData).opts, m.run, m.slot));
}
