// Every registered diagnostic code, for docs generation and for tests that check codes are documented.
import type { CodeInfo } from './registry';
import { yamlCodes } from './yaml';
import { schemaCodes } from './schema';
import { legacyCodes } from './legacy';
import { exprCodes } from './expr';
import { modelCodes } from './model';
import { engineCodes } from './engine';
import { templateCodes } from './template';
import { templateParamCodes } from './template-params';

export const codeGroups: { title: string; codes: Record<string, CodeInfo> }[] = [
  { title: 'YAML', codes: yamlCodes },
  { title: 'Schema', codes: schemaCodes },
  { title: 'Legacy shapes', codes: legacyCodes },
  { title: 'Expressions', codes: exprCodes },
  { title: 'Model semantics', codes: modelCodes },
  { title: 'Engine divergence', codes: engineCodes },
  { title: 'Templates', codes: templateCodes },
  { title: 'Template parameters and placeholders', codes: templateParamCodes },
];

export const allCodes: ReadonlyMap<string, CodeInfo> = new Map(
  codeGroups.flatMap((g) => Object.values(g.codes).map((c) => [c.code, c] as const)),
);
