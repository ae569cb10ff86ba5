// The result of schema validation: domain diagnostics plus a query for structurally broken parts of the document.
import type { Diagnostic } from '../diagnostics';

export interface SchemaResult {
  diagnostics: Diagnostic[];
  /**
   * True when the value at `pointer` cannot be trusted: it or something inside it misses a required key, has the
   * wrong type or a bad value, or an ancestor has the wrong type. Unknown keys alone never make a part broken.
   */
  broken(pointer: string): boolean;
}
