// A merge worker (build/intake-worker.js) that dies on the files the pool test marks,
// as it reads them: "崩溃-抛出" with an error that escapes intake (an uncaught failure
// in the worker), "崩溃-退出" by ending the thread with exit code 7.
const fs = require('fs');
const { join } = require('path');

// The reader opens each input by its path (src/cli/intakeFile.ts, readInput).
const openSync = fs.openSync;
fs.openSync = function (path, ...rest) {
  if (String(path).includes('崩溃-抛出')) {
    throw Object.defineProperty({}, 'code', {
      get() {
        throw new Error('simulated crash');
      },
    });
  }
  if (String(path).includes('崩溃-退出')) process.exit(7);
  return openSync.call(this, path, ...rest);
};
require(join(__dirname, '..', '..', 'build', 'intake-worker.js'));
