// Preloaded (`node --require`) into the server processes the subscriptions bench starts: if the bench dies without
// stopping them (SIGKILL, crash), the server notices that its parent changed and shuts itself down gracefully.
'use strict';
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();
