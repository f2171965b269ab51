// A merge worker (build/intake-worker.js) that reads as usual and fails when it writes
// the JSON report it is given (the only file a worker writes), as the report's name
// says: "退出" ends the thread (exit code 9) at its first write, "满" has the disk refuse it.
const fs = require('fs');
const { join } = require('path');
const { parentPort } = require('worker_threads');

let failure = '';
// Before the worker's own listener: the job names the report.
parentPort.on('message', (m) => {
  if (m && typeof m.path === 'string') failure = m.path.includes('退出') ? 'exit' : m.path.includes('满') ? 'enospc' : '';
});
const writeSync = fs.writeSync;
fs.writeSync = function (...args) {
  if (failure === 'exit') process.exit(9);
  if (failure === 'enospc') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return writeSync.apply(this, args);
};
require(join(__dirname, '..', '..', 'build', 'intake-worker.js'));
