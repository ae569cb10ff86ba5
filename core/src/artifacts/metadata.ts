// metadata.json: the seed's envelope (apiVersion/kind/metadata/spec) around a compact model summary, under 5 KB.
import { basename } from 'node:path';
import { VERSION } from '../version';
import { formatJson } from './json-text';
import { longestList, summarizeModel } from './model-summary';
import type { ModelSummary } from './model-summary';
import type { QualityResult } from './quality';
import type { EngineCompatibility } from './validation-report';

/** Serialized metadata stays at or under this many bytes whenever list truncation can achieve it. */
export const METADATA_BUDGET_BYTES = 4800;

export type MetadataSource =
  | { template: { id: string; version?: string }; parameters: Record<string, unknown> }
  | { modelFile: string };

export interface MetadataInput {
  id: string;
  /** The artifact version n (folder `v{n}`); written as `"v{n}"`. */
  version: number;
  title?: string;
  description?: string;
  /** When the artifact was made; the only timestamp, kept out of model.yaml and out of the id. Default: now. */
  created?: Date | string;
  /** Who made it; there is no default from the OS user name (privacy), only "unknown". */
  author?: string;
  tags?: readonly string[];
  source: MetadataSource;
  /** The Engine model object written to model.yaml (summarized, never copied). */
  model: unknown;
  /** The exact model.yaml text (its sha256 is recorded). */
  modelYaml: string;
  quality: QualityResult;
  engineCompatibility: EngineCompatibility;
  /** inputsDigest() of what the artifact was made from; the store compares it to detect id collisions. */
  inputsDigest: string;
  /** Default: this FlowTime-Sim's version. */
  simVersion?: string;
  derivedFrom?: { id: string; version: number };
}

export interface ModelMetadata {
  apiVersion: 'flowtime/v1';
  kind: 'Model';
  metadata: {
    id: string;
    title: string;
    description?: string;
    created: string;
    author: string;
    version: string;
    tags: string[];
    sim_source: string;
  };
  spec: {
    flowtime_model: ModelSummary;
    sim_config: {
      template: string | null;
      template_version: string | null;
      parameters: Record<string, unknown>;
      source_file?: string;
    };
    validation: {
      sim_version: string;
      quality_score: number;
      engine_compatibility: EngineCompatibility;
      inputs_digest: string;
    };
  };
  lineage?: { derived_from: string };
}

/**
 * Builds the envelope. The model summary's lists are cut (first entries, model order, with counts and
 * `truncated: true`) to the largest common length that keeps the text within METADATA_BUDGET_BYTES; parameters are
 * never cut, since they are what reproduces the model.
 */
export function buildMetadata(input: MetadataInput): ModelMetadata {
  const build = (limit: number): ModelMetadata => envelope(input, summarizeModel(input.model, input.modelYaml, limit));
  const full = build(Infinity);
  if (byteSize(full) <= METADATA_BUDGET_BYTES) return full;
  // Binary search the largest list limit that fits; size grows with the limit, so the answer is deterministic.
  let lo = 0;
  let hi = longestList(input.model);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (byteSize(build(mid)) <= METADATA_BUDGET_BYTES) lo = mid;
    else hi = mid - 1;
  }
  return build(lo);
}

export function serializeMetadata(meta: ModelMetadata): string {
  return formatJson(meta);
}

function byteSize(meta: ModelMetadata): number {
  return Buffer.byteLength(serializeMetadata(meta), 'utf8');
}

function envelope(input: MetadataInput, summary: ModelSummary): ModelMetadata {
  const source = input.source;
  const meta: ModelMetadata = {
    apiVersion: 'flowtime/v1',
    kind: 'Model',
    metadata: {
      id: input.id,
      title: input.title?.trim() || input.id,
      ...(input.description ? { description: input.description } : {}),
      created: isoSeconds(input.created ?? new Date()),
      author: input.author?.trim() || 'unknown',
      version: `v${input.version}`,
      tags: [...new Set(input.tags ?? [])],
      sim_source: 'template' in source ? `template:${source.template.id}` : `model:${basename(source.modelFile)}`,
    },
    spec: {
      flowtime_model: summary,
      sim_config:
        'template' in source
          ? { template: source.template.id, template_version: source.template.version ?? null, parameters: source.parameters }
          : { template: null, template_version: null, parameters: {}, source_file: basename(source.modelFile) },
      validation: {
        sim_version: input.simVersion ?? VERSION,
        quality_score: input.quality.score,
        engine_compatibility: { csharp: input.engineCompatibility.csharp, rust: input.engineCompatibility.rust },
        inputs_digest: input.inputsDigest,
      },
    },
  };
  if (input.derivedFrom) meta.lineage = { derived_from: `${input.derivedFrom.id}@v${input.derivedFrom.version}` };
  return meta;
}

/** ISO-8601 UTC to the second (`2025-09-19T10:22:30Z`), like the seed; throws for an unparseable time. */
export function isoSeconds(t: Date | string): string {
  const d = typeof t === 'string' ? new Date(t) : t;
  if (Number.isNaN(d.getTime())) throw new TypeError(`buildMetadata: created ${String(t)} is not a valid time`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The facts the catalog and the id resolver read back from a metadata.json (any field may be missing on disk). */
export interface MetadataFacts {
  title: string | null;
  created: string | null;
  template: string | null;
  templateVersion: string | null;
  inputsDigest: string | null;
}

export function metadataFacts(json: unknown): MetadataFacts {
  const m = rec(json);
  const meta = rec(m.metadata);
  const spec = rec(m.spec);
  const cfg = rec(spec.sim_config);
  const val = rec(spec.validation);
  return {
    title: str(meta.title),
    created: str(meta.created),
    template: str(cfg.template),
    templateVersion: str(cfg.template_version),
    inputsDigest: str(val.inputs_digest),
  };
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
