// Preloaded with `node --require` by startup.test.ts: on exit, writes every CommonJS
// module the process loaded (require.cache) to $WUHUA_LOADED_MODULES, one path a line.
const fs = require('fs');
process.on('exit', () => {
  fs.writeFileSync(process.env.WUHUA_LOADED_MODULES, Object.keys(require.cache).join('\n') + '\n');
});
