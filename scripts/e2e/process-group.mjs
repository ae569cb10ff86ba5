// Starts detached process groups and guarantees they are killed: on stop(), on exit, on SIGINT/SIGTERM and on deadlines.
import { spawn } from 'node:child_process';

const live = new Set();
const onInterruptHandlers = new Set();
let interruptedBy;
/** After a signal, cleanups get this long before the process exits anyway. */
const INTERRUPT_GRACE_MS = 8000;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone
  }
}

function groupAlive(pid) {
  return killGroup(pid, 0);
}

// A synchronous last resort: 'exit' handlers cannot wait, so whatever is still registered gets SIGKILL.
process.on('exit', () => {
  for (const pid of live) killGroup(pid, 'SIGKILL');
  live.clear();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interruptedBy) return;
    interruptedBy = signal;
    const code = signal === 'SIGINT' ? 130 : 143;
    console.error(`\n${signal}: stopping the VS Code server sessions`);
    setTimeout(() => process.exit(code), INTERRUPT_GRACE_MS).unref();
    void Promise.allSettled([...onInterruptHandlers].map((fn) => fn())).then(() => process.exit(code));
  });
}

/** True once a signal arrived: the signal handler exits after its cleanups, nobody else should. */
export function interrupted() {
  return interruptedBy !== undefined;
}

/** Registers an async cleanup (close the browser, stop a server, remove temp dirs) run on a signal; returns its remover. */
export function onInterrupt(fn) {
  onInterruptHandlers.add(fn);
  return () => onInterruptHandlers.delete(fn);
}

/**
 * Spawns `command` as the leader of a new process group (like `setsid`), so the server, its extension host, file
 * watchers and the language server it forks can all be killed together.
 */
export function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  live.add(pid);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  return {
    child,
    pid,
    hasExited: () => exited,
    /** SIGTERM to the whole group, SIGKILL after `graceMs` if anything in it is still alive. */
    async stop(graceMs = 3000) {
      if (!live.has(pid)) return;
      killGroup(pid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
      live.delete(pid);
    },
  };
}
