// Worker thread entry: runs interpreter jobs on a thread with a large JS stack.
//
// Python code that recurses through builtins (a __repr__ calling repr(), sorted() with a
// key that sorts...) re-enters the interpreter from TypeScript; Node's default main-thread
// stack (about 1 MB) would run out long before Python's recursion limit. A worker thread
// gets the stack size we ask for. The worker writes program output straight to file
// descriptors 1 and 2 and reports the exit status to the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type Job } from './jobs.js';

const job = workerData as Job;
let code: number;
try {
  code = runJob(job);
} catch (e) {
  const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`edgepyc: internal error: ${msg}\n`);
  code = 70;
}
parentPort!.postMessage({ exitCode: code });
