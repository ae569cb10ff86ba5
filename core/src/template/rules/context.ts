// Shared state of one run of the template rules: the document, what the schema found broken, the synthesis plan.
import type { Diagnostic, FixData, RelatedInformation } from '../../diagnostics';
import { diag } from '../../codes/make';
import { templateCodes } from '../../codes/template';
import type { Part, SourceDocument } from '../../yaml/document';
import type { SynthesisPlan } from '../synthesis-plan';
import { isRecord, nonBlank } from '../template-values';
import type { Rec } from '../template-values';

export type TemplateCode = keyof typeof templateCodes;

export interface RuleOptions {
  /** From the template schema: true when the subtree at a pointer is structurally broken (skip rules there). */
  broken?(pointer: string): boolean;
}

export class RuleContext {
  readonly out: Diagnostic[] = [];
  readonly root: Rec;

  constructor(
    readonly doc: SourceDocument,
    readonly plan: SynthesisPlan,
    private readonly options: RuleOptions,
  ) {
    this.root = isRecord(doc.value) ? doc.value : {};
  }

  /** True when the schema reported the value at `pointer` (or a parent) as broken. */
  broken(pointer: string): boolean {
    return this.options.broken?.(pointer) ?? false;
  }

  /** Template mode: simulation unless `mode` says telemetry (an invalid mode is T4's to report). */
  get simulation(): boolean {
    return nonBlank(this.root.mode)?.toLowerCase() !== 'telemetry';
  }

  report(code: TemplateCode, message: string, pointer: string, part: Part = 'value', related?: RelatedInformation[], fixes?: FixData[]): void {
    this.out.push(diag(templateCodes[code], message, this.doc.locate(pointer, part), { related, fixes }));
  }

  /** Reports at characters [from, to) of the string value at `pointer` (expression positions). */
  reportInString(code: TemplateCode, message: string, pointer: string, from: number, to: number): void {
    this.out.push(diag(templateCodes[code], message, this.doc.locateInString(pointer, from, to)));
  }

  related(message: string, pointer: string, part: Part = 'value'): RelatedInformation {
    return { message, range: this.doc.locate(pointer, part) };
  }
}

/** Where to point at a missing key: the key of its parent (or the parent value for list items). */
export function missingAt(parent: string): [string, Part] {
  return [parent, /\/\d+$/.test(parent) ? 'value' : 'key'];
}
