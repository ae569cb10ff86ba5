// The one error type of the artifact layer: a stable `code` that CLI exit codes and HTTP statuses are mapped from.

/**
 * - `invalid-name`: a name, id or version that cannot be a safe path segment (HTTP 400, CLI usage error).
 * - `not-found`: no such model, version or artifact file (HTTP 404).
 * - `version-conflict`: an explicit version exists with a different model (HTTP 409).
 * - `io`: the filesystem failed or the store layout is unsafe (e.g. `models` is a symlink leaving the root).
 */
export type ArtifactErrorCode = 'invalid-name' | 'not-found' | 'version-conflict' | 'io';

export class ArtifactError extends Error {
  readonly code: ArtifactErrorCode;
  /** Machine-readable facts for clients (the offending name, the existing version, ...). */
  readonly details: Record<string, unknown>;

  constructor(code: ArtifactErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArtifactError';
    this.code = code;
    this.details = details;
  }
}

export function isArtifactError(e: unknown, code?: ArtifactErrorCode): e is ArtifactError {
  return e instanceof ArtifactError && (code === undefined || e.code === code);
}

/** Wraps anything thrown by the filesystem (or by a caller's getter) as an `io` error, keeping ArtifactErrors as they are. */
export function asArtifactError(e: unknown, what: string): ArtifactError {
  if (e instanceof ArtifactError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : undefined;
  return new ArtifactError('io', `${what}: ${message}`, code ? { errno: code } : {}, { cause: e });
}
