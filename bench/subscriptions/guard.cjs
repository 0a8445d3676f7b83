// Keeps the subscriptions bench from leaving processes behind if it dies without stopping them (SIGKILL, crash).
// - Preloaded into a server (`node --require guard.cjs src/main.ts`): when the parent changes, the server gets SIGTERM
//   and shuts down gracefully.
// - Run as a wrapper (`node guard.cjs redis-server …`): runs the command, passes SIGTERM/SIGINT on, and kills it when
//   the bench is gone.
'use strict';
const parent = process.ppid;
const orphaned = (act) => setInterval(() => process.ppid !== parent && act(), 500);

if (require.main === module) {
  const { spawn } = require('node:child_process');
  const child = spawn(process.argv[2], process.argv.slice(3), { stdio: 'inherit' });
  const stop = (signal) => child.exitCode === null && child.kill(signal);
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  orphaned(() => stop('SIGKILL'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  orphaned(() => process.kill(process.pid, 'SIGTERM')).unref();
}
