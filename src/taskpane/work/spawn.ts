/**
 * Starts the worker. Kept apart: `import.meta.url` is what webpack 5 needs to bundle
 * worker.ts as a chunk of its own (https://webpack.js.org/guides/web-workers/), and
 * jest (CommonJS) never loads this file — client.ts imports it only where Worker exists.
 */
export function spawnWorker(): Worker {
  // @ts-ignore TS1343: the type-check runs as CommonJS; webpack compiles this file as an ES module.
  return new Worker(new URL('./worker.ts', import.meta.url), { name: 'wuhua-work' });
}
