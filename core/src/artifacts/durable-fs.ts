// Durable filesystem primitives: fsync'd writes, directory fsync, atomic file replacement, quiet cleanup.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Creates `path` (it must not exist) with `content` as UTF-8 and flushes it to disk before returning. */
export function writeFileDurable(path: string, content: string): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    const buf = Buffer.from(content, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory entry list (so a rename survives a crash); platforms that cannot do this are skipped. */
export function fsyncDir(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync directories; the rename itself is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A name no other process will pick: prefix, pid and random hex. */
export function uniqueTempName(prefix: string): string {
  return `${prefix}${process.pid}-${randomBytes(6).toString('hex')}`;
}

/**
 * Replaces `target` atomically: readers see the old file or the new one, never a partial one. The temporary file
 * lives next to the target (same filesystem, so rename is atomic) and is removed if anything fails.
 */
export function replaceFileAtomically(target: string, dir: string, tempPrefix: string, content: string): void {
  const temp = join(dir, `${uniqueTempName(tempPrefix)}.tmp`);
  try {
    writeFileDurable(temp, content);
    renameWithRetry(temp, target);
  } catch (e) {
    removeQuietly(temp);
    throw e;
  }
  fsyncDir(dir);
}

/** Windows refuses to replace a file another process has open for a moment (EPERM/EBUSY/EACCES): retry briefly. */
function renameWithRetry(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 20 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
      sleepMs(5 * (attempt + 1));
    }
  }
}

export function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Best effort: the caller is already reporting the original failure.
  }
}

/** Removes an empty directory; a directory another process filled meanwhile is left alone. */
export function removeIfEmpty(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Not empty (a concurrent writer put a version in it) or already gone: both are fine.
  }
}
