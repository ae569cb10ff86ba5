// Documents the protocol tests open: a broken model (legacy grid + dangling reference), a template, and helpers.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { dedent, marked } from '../helpers/markers';
import type { LspClient, PublishedDiagnostics } from '../helpers/lsp-client';

let counter = 0;
/** A fresh document URI per call, so tests sharing a server never see each other's documents. */
export function uri(name: string): string {
  counter++;
  return pathToFileURL(resolve('/tmp/flowtime-protocol', `${counter}-${name}`)).href;
}

/** ranges[0] = binMinutes key (legacy.bin-minutes), ranges[1] = missing_node (expr.unknown-reference). */
export const BROKEN_MODEL = marked(
  dedent(`
    schemaVersion: 1
    grid:
      bins: 3
      «binMinutes»: 60
    nodes:
      - id: demand
        kind: const
        values: [10, 20, 30]
      - id: capacity
        kind: const
        values: [15, 15, 15]
      - id: served
        kind: expr
        expr: "MIN(demand, capacity)"
      - id: backlog
        kind: expr
        expr: "demand - served + «missing_node»"
    outputs:
      - series: served
        as: served.csv
  `),
);

/** A valid model, and the same text with one more node (for edits that must change the diagnostics). */
export const VALID_MODEL = dedent(`
  schemaVersion: 1
  grid:
    bins: 3
    binSize: 1
    binUnit: hours
  nodes:
    - id: demand
      kind: const
      values: [10, 20, 30]
    - id: capacity
      kind: const
      values: [15, 15, 15]
    - id: served
      kind: expr
      expr: "MIN(demand, capacity)"
  outputs:
    - series: served
      as: served.csv
`);

/** A template with a parameter used in an expression; `ranges[0]` = the dangling `ghost` reference. */
export const TEMPLATE = marked(
  dedent(`
    schemaVersion: 1
    metadata:
      id: protocol-test
      title: Protocol test
      version: 1.0.0
    window:
      start: "2025-01-01T00:00:00Z"
      timezone: UTC
    parameters:
      - name: scale
        type: number
        default: 2
        description: Multiplies the demand.
    topology:
      nodes:
        - id: Desk
          kind: service
          semantics:
            arrivals: demand
            served: served
    grid:
      bins: 3
      binSize: 1
      binUnit: hours
    nodes:
      - id: demand
        kind: const
        values: [10, 20, 30]
      - id: served
        kind: expr
        expr: "demand * \${scale} + «ghost»"
    outputs:
      - series: served
  `),
);

export function codes(p: PublishedDiagnostics): string[] {
  return p.diagnostics.map((d) => String(d.code)).sort();
}

/** Opens a document and waits for its first diagnostics. */
export async function openAndWait(client: LspClient, docUri: string, text: string, languageId = 'yaml'): Promise<PublishedDiagnostics> {
  const since = client.mark();
  client.open(docUri, text, languageId);
  return client.diagnostics(docUri, () => true, since);
}
