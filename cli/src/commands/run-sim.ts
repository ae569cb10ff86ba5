// Runs a Sim operation for a command: prints its result, or its SimError with diagnostics, and returns the exit code.
import { SimError } from '../../../core/src/sim/errors';
import { reportSimError } from './artifact-output';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

export function runSim(json: boolean, source: string | undefined, io: Io, fn: () => number): number {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SimError) return reportSimError(e, json, source, io.out, io.err);
    throw e;
  }
}
