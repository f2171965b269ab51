// Preloaded (`node --require bench/peak.cjs …`) into every process the bench measures:
// at exit, writes {peak, cpu} to $WUHUA_BENCH_PEAK — the process's peak resident set
// (VmHWM, bytes) and the CPU time it used (user + system, ms, all its threads), which a
// busy shared machine disturbs much less than wall time.
const fs = require('fs');
process.on('exit', () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  const cpu = process.cpuUsage();
  if (process.env.WUHUA_BENCH_PEAK) fs.writeFileSync(process.env.WUHUA_BENCH_PEAK, JSON.stringify({ peak: m ? Number(m[1]) * 1024 : 0, cpu: (cpu.user + cpu.system) / 1000 }));
});
