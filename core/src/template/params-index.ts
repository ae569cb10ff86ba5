// Public API of template parameters, placeholders, substitution and position mapping.
export type { ParameterDef, ParameterType, ParameterValue, Placeholder } from './types';
export { readParameters } from './parameters';
export type { ReadParametersResult } from './parameters';
export { findPlaceholders, scanPlaceholders, checkPlaceholders, PARAMETER_NAME } from './placeholders';
export type { CheckPlaceholdersOptions, MalformedPlaceholder, MalformedReason, PlaceholderScan } from './placeholders';
export { substitute, formatForSubstitution, formatNumber, needsQuoting } from './substitute';
export type { SubstitutionResult } from './substitute';
export { OffsetMap } from './offset-map';
export type { Replacement } from './offset-map';
export { MappedDocument } from './mapped-document';
export { resolveParameterValues } from './resolve-values';
export type { ParameterError, ResolvedValues } from './resolve-values';
export { checkParameterValue } from './param-check-value';
export { parseSetValue, splitSetArgument } from './set-value';
export type { SetValueResult } from './set-value';
export { suggestName } from './param-suggest';
