// Runs the legacy-shape detectors for a model or a template and collects their findings and suppressions.
import type { SourceDocument } from '../yaml/document';
import { gridLegacy } from './legacy-grid';
import { nodesLegacy } from './legacy-nodes';
import { outputsLegacy } from './legacy-outputs';
import { rootLegacy } from './legacy-root';
import { rustShapesLegacy } from './legacy-rust';
import type { LegacyDetector, LegacyResult } from './legacy-types';
import { isRecord } from './pointer';

const MODEL_DETECTORS: LegacyDetector[] = [
  rootLegacy,
  gridLegacy(['minutes', 'hours', 'days', 'weeks']),
  nodesLegacy,
  outputsLegacy,
  rustShapesLegacy,
];

// The template schema is open almost everywhere; only its closed grid rejects the legacy keys.
const TEMPLATE_DETECTORS: LegacyDetector[] = [gridLegacy(['minutes', 'hours', 'days'])];

function run(detectors: readonly LegacyDetector[], doc: SourceDocument): LegacyResult {
  const out: LegacyResult = { diagnostics: [], suppressions: [] };
  if (isRecord(doc.value)) for (const detect of detectors) detect(doc, doc.value, out);
  return out;
}

export const detectModelLegacy = (doc: SourceDocument): LegacyResult => run(MODEL_DETECTORS, doc);
export const detectTemplateLegacy = (doc: SourceDocument): LegacyResult => run(TEMPLATE_DETECTORS, doc);
