// Which fields of a model or template name a series (node id): node fields, topology semantics, constraint semantics.
import { SERIES_FIELDS } from '../model/semantics-refs';
import { SERIES_SEMANTICS } from '../template/synthesis-plan';

/** serviceWithBuffer node fields naming the nodes that feed, drain and lose from the buffer. */
export const NODE_SERIES_KEYS: ReadonlySet<string> = new Set(['inflow', 'outflow', 'loss']);

/** Topology semantics fields read as series references: the model's (rule S25) plus the template's `external_demand`. */
export const SEMANTICS_SERIES_KEYS: ReadonlySet<string> = new Set<string>([...SERIES_FIELDS, ...SERIES_SEMANTICS]);

export const CONSTRAINT_SERIES_KEYS: ReadonlySet<string> = new Set(['arrivals', 'served', 'errors', 'latencyMinutes']);

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

export function isNumericText(s: string): boolean {
  return NUMERIC.test(s);
}
