// Deterministic model ids: `{slug(name)}_{hex}` where the hex is a digest of canonical inputs (never time, never emitted text).
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { ArtifactError } from './errors';

export const MAX_SLUG_LENGTH = 64;
export const MIN_HEX_LENGTH = 4;
export const MAX_HEX_LENGTH = 64;

/** What a model artifact was made from: a template with its resolved parameters, or a hand-written model file. */
export type ArtifactInputs =
  | { templateId: string; templateVersion?: string; parameters: Record<string, unknown> }
  | { modelSha256: string };

// Path separators, NUL, C0/C1 controls and DEL: none of them may reach a path, even if slugging would drop them.
const FORBIDDEN = /[/\\\u0000-\u001f\u007f-\u009f]/;
const ID = /^([a-z0-9]+(?:-[a-z0-9]+)*)_([0-9a-f]{4,64})$/;
const DIGEST = /^[0-9a-f]{64}$/;

/**
 * Turns a human name into a path-safe slug: accents folded (NFKD, marks dropped), lowercase, every run of other
 * characters (spaces, `_`, `.`, punctuation) becomes one `-`, dashes trimmed. Throws ArtifactError `invalid-name`
 * when the name contains a path separator, NUL or a control character, is `.` or `..`, slugs to nothing, or slugs to
 * more than 64 characters. `_` is never kept because it separates the slug from the hex in an id.
 */
export function slugName(name: string): string {
  if (typeof name !== 'string') throw invalid(String(name), 'a name must be a string');
  if (FORBIDDEN.test(name)) throw invalid(name, 'a name must not contain path separators (/ or \\), NUL or control characters');
  if (name === '.' || name === '..') throw invalid(name, 'a name must not be "." or ".."');
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length === 0) throw invalid(name, 'the name has no letters or digits to build an id from');
  if (slug.length > MAX_SLUG_LENGTH) throw invalid(name, `the name is too long: its slug "${slug.slice(0, 20)}…" has ${slug.length} characters (at most ${MAX_SLUG_LENGTH})`);
  return slug;
}

/** sha256 (lowercase hex) of the canonical JSON of the inputs: key order and number spelling never matter. */
export function inputsDigest(inputs: ArtifactInputs): string {
  return createHash('sha256').update(canonicalJson(inputs), 'utf8').digest('hex');
}

/** `{slug}_{first hexLength hex of digest}`, e.g. `checkout-baseline_a1b2`. */
export function modelIdFor(name: string, digest: string, hexLength = MIN_HEX_LENGTH): string {
  if (!DIGEST.test(digest)) throw new TypeError('modelIdFor: digest must be 64 lowercase hex characters (a sha256)');
  if (!Number.isInteger(hexLength) || hexLength < MIN_HEX_LENGTH || hexLength > MAX_HEX_LENGTH) {
    throw new TypeError(`modelIdFor: hexLength must be an integer from ${MIN_HEX_LENGTH} to ${MAX_HEX_LENGTH}`);
  }
  return `${slugName(name)}_${digest.slice(0, hexLength)}`;
}

/** True for ids of the form slug + `_` + 4..64 lowercase hex, with the slug at most 64 characters. */
export function isModelId(id: unknown): id is string {
  if (typeof id !== 'string') return false;
  const m = ID.exec(id);
  return m !== null && m[1].length <= MAX_SLUG_LENGTH;
}

/** Throws ArtifactError `invalid-name` unless `id` is a well-formed model id (so it is a safe single path segment). */
export function assertModelId(id: unknown): asserts id is string {
  if (!isModelId(id)) {
    throw new ArtifactError('invalid-name', `"${String(id).slice(0, 80)}" is not a model id (expected a slug, "_" and 4 to 64 hex characters, e.g. checkout-baseline_a1b2)`, {
      id: String(id).slice(0, 200),
    });
  }
}

function invalid(name: string, why: string): ArtifactError {
  return new ArtifactError('invalid-name', `Invalid artifact name ${JSON.stringify(name.slice(0, 80))}: ${why}.`, { name: name.slice(0, 200) });
}
