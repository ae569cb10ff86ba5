// Builds the four artifact files (model.yaml, metadata.json, preview.svg, validation.json) for one model.
import { emitModelYaml, provenanceObject, withProvenance } from '../artifacts';
import type { ModelProvenance } from '../artifacts';
import { buildMetadata, serializeMetadata } from '../artifacts/metadata';
import type { MetadataSource } from '../artifacts/metadata';
import { computeQuality } from '../artifacts/quality';
import { buildValidationReport, engineCompatibility, serializeValidationReport } from '../artifacts/validation-report';
import type { ValidationReport } from '../artifacts/validation-report';
import type { ArtifactFiles } from '../artifacts/store';
import { renderPreviewSvg } from '../preview/render-svg';
import { validateText } from '../validate';
import { VERSION } from '../version';
import { SimError } from './errors';

export const GENERATOR = `flowtime-sim/${VERSION}`;

export interface PreparedArtifact {
  modelYaml: string;
  model: unknown;
  report: ValidationReport;
  /** Builds the files for the version number the store finally assigns. */
  files(version: number): ArtifactFiles;
}

export interface ArtifactDescription {
  id: string;
  title?: string;
  description?: string;
  author?: string;
  tags?: readonly string[];
  source: MetadataSource;
  inputsDigest: string;
  derivedFrom?: { id: string; version: number };
}

/** model.yaml for a template-made model: the Engine model plus provenance, emitted canonically. */
export function emitTemplateModel(model: Record<string, unknown>, provenance: ModelProvenance): string {
  return emitModelYaml({ ...model, provenance: provenanceObject(provenance) });
}

/** model.yaml for an exported hand-written model: the author's bytes, plus a provenance block. */
export function emitExportedModel(text: string, provenance: ModelProvenance): string {
  return withProvenance(text, provenance);
}

/**
 * Validates the final model.yaml text itself (so validation.json positions are model.yaml positions) and prepares the
 * files. A model.yaml with errors is never stored.
 */
export function prepareArtifact(modelYaml: string, desc: ArtifactDescription): PreparedArtifact {
  const validation = validateText(modelYaml, { kind: 'model' });
  const model = validation.value;
  const quality = computeQuality(model, validation.diagnostics);
  const report = buildValidationReport(validation.diagnostics, quality);
  if (!validation.valid) {
    const errors = validation.diagnostics.filter((d) => d.severity === 'error').length;
    throw new SimError('invalid-model', `the model has ${errors} error(s); nothing was written`, validation.diagnostics);
  }
  const compat = engineCompatibility(validation.diagnostics);
  // The preview (a graph layout) is the costliest file: render it only when a version is actually written, not when
  // the store finds an identical model and writes nothing.
  let preview: string | undefined;
  const renderPreview = () => (preview ??= renderPreviewSvg(model, { title: desc.title ?? desc.id }));
  const validationJson = serializeValidationReport(report);
  return {
    modelYaml,
    model,
    report,
    files: (version) => {
      const files = { 'model.yaml': modelYaml, 'validation.json': validationJson } as ArtifactFiles;
      Object.defineProperty(files, 'preview.svg', { enumerable: true, get: renderPreview });
      Object.defineProperty(files, 'metadata.json', {
        enumerable: true,
        get: () =>
          serializeMetadata(
            buildMetadata({
              id: desc.id,
              version,
              title: desc.title,
              description: desc.description,
              author: desc.author,
              tags: desc.tags,
              source: desc.source,
              model,
              modelYaml,
              quality,
              engineCompatibility: compat,
              inputsDigest: desc.inputsDigest,
              derivedFrom: desc.derivedFrom,
            }),
          ),
      });
      return files;
    },
  };
}
