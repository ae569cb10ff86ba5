// Errors of the Sim operations (new, export, derive, list): a stable code each, mapped to exit codes and HTTP statuses.

export type SimErrorCode =
  | 'template-not-found'
  | 'model-not-found'
  | 'invalid-parameters'
  | 'invalid-template'
  | 'invalid-model'
  | 'invalid-name'
  | 'version-conflict'
  | 'invalid-request'
  | 'io';

export class SimError extends Error {
  constructor(
    readonly code: SimErrorCode,
    message: string,
    readonly details?: unknown,
    /** The file the diagnostics in `details` are located in (a template's path), when they come from one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

/**
 * A template or model with errors (or a version clash) is a validation failure: exit 1. Arguments the command cannot
 * use — unknown template or model, bad parameter values, unsafe names — are usage errors: exit 2.
 */
export function exitCodeFor(code: SimErrorCode): number {
  switch (code) {
    case 'invalid-template':
    case 'invalid-model':
    case 'version-conflict':
    case 'io':
      return 1;
    default:
      return 2;
  }
}

export function httpStatusFor(code: SimErrorCode): number {
  switch (code) {
    case 'template-not-found':
    case 'model-not-found':
      return 404;
    case 'version-conflict':
      return 409;
    case 'invalid-parameters':
    case 'invalid-template':
    case 'invalid-model':
      return 422;
    case 'io':
      return 500;
    default:
      return 400;
  }
}
