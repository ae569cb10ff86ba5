// Runs every template rule (reference §4.6) on a substituted template, skipping subtrees the schema found broken.
import type { Diagnostic } from '../../diagnostics';
import type { SourceDocument } from '../../yaml/document';
import { planSynthesis } from '../synthesis-plan';
import { RuleContext } from './context';
import type { RuleOptions } from './context';
import { checkDroppedKeys } from './dropped-keys';
import { checkHeader } from './header';
import { checkLinks } from './links';
import { checkNodes } from './nodes';
import { checkOutputs } from './outputs';
import { checkSemantics } from './semantics';
import { checkTopologyNodes } from './topology';
import { checkTraffic } from './traffic';

export type { RuleOptions } from './context';

export function checkTemplateRules(doc: SourceDocument, options: RuleOptions = {}): Diagnostic[] {
  const ctx = new RuleContext(doc, planSynthesis(doc.value), options);
  checkHeader(ctx);
  checkTraffic(ctx);
  checkNodes(ctx);
  checkOutputs(ctx);
  checkTopologyNodes(ctx);
  checkSemantics(ctx);
  checkLinks(ctx);
  checkDroppedKeys(ctx);
  return ctx.out;
}
