// Checks the params of the Sim-operation requests; a malformed request is an LSP InvalidParams error, not a result.
import { isAbsolute } from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

export function paramsObject(p: unknown, method: string): Record<string, unknown> {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw invalidParams(`${method}: params must be an object`);
  return p as Record<string, unknown>;
}

export function requiredString(p: Record<string, unknown>, key: string): string {
  const v = p[key];
  if (typeof v !== 'string' || v === '') throw invalidParams(`'${key}' must be a non-empty string`);
  return v;
}

export function optionalString(p: Record<string, unknown>, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParams(`'${key}' must be a string`);
  return v;
}

/** Relative paths would be resolved against the server's working directory, which the client does not choose. */
export function absolutePath(p: Record<string, unknown>, key: string): string {
  const v = requiredString(p, key);
  if (!isAbsolute(v)) throw invalidParams(`'${key}' must be an absolute path, got '${v}'`);
  return v;
}

export function optionalFolders(p: Record<string, unknown>): string[] {
  const v = p.folders;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((f) => typeof f === 'string' && isAbsolute(f))) throw invalidParams("'folders' must be a list of absolute paths");
  return v as string[];
}

export function stringList(p: Record<string, unknown>, key: string): string[] {
  const v = p[key];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw invalidParams(`'${key}' must be a list of strings`);
  return v as string[];
}

/** Parameter name → value as typed; each becomes a `--set name=value` so the CLI's parsing and checks apply. */
export function parameterSets(p: Record<string, unknown>): string[] {
  const v = p.parameters;
  if (v === undefined || v === null) return [];
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidParams("'parameters' must be an object of name → value text");
  const sets: string[] = [];
  for (const [name, text] of Object.entries(v as Record<string, unknown>)) {
    if (typeof text !== 'string') throw invalidParams(`parameter '${name}' must be given as text (as typed), got ${typeof text}`);
    sets.push(`${name}=${text}`);
  }
  return sets;
}
