// The service's error envelope {"error": {code, message, details}} and the mapping of every failure to a 4xx status.
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SimError, httpStatusFor } from '../../core/src/sim/errors';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, details: details ?? null } });
}

/**
 * Anything a client sends must end in a 4xx: fastify's own body errors (size, JSON syntax, media type) are mapped
 * here; only a genuine server fault is a 500, and it says nothing about internals.
 */
export function errorHandler(error: FastifyError | Error, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) return sendError(reply, error.status, error.code, error.message, error.details);
  if (error instanceof SimError) return sendError(reply, httpStatusFor(error.code), error.code, error.message, error.details);
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(reply, 413, 'body-too-large', 'request body is larger than the service accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(reply, 400, 'unsupported-media-type', 'send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, 400, 'invalid-request', 'the request body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendError(reply, 400, 'invalid-json', `the request body is not valid JSON: ${fe.message}`);
    default:
      break;
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendError(reply, fe.statusCode, 'invalid-request', fe.message);
  }
  reply.log.error(error);
  return sendError(reply, 500, 'internal', 'internal error');
}

/**
 * Runs a step that digests client-supplied model text (validation, export). Anything it throws that is not one of our
 * errors is a fault of the validator, but the client's input triggered it: the client gets a 422, never a 500, and
 * the fault is logged so it can be fixed where it lives.
 */
export function onClientModel<T>(log: FastifyBaseLogger, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HttpError || e instanceof SimError) throw e;
    log.error(e);
    throw new HttpError(422, 'invalid-model', `the model could not be checked (${e instanceof Error ? e.message : String(e)}); it was not accepted`);
  }
}
