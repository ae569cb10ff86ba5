// Writes docs/diagnostics.md from the code registry (run `npm run docs:codes`; a test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { renderDiagnosticsDoc } from './diagnostics-doc';

writeFileSync('docs/diagnostics.md', renderDiagnosticsDoc());
process.stdout.write('docs/diagnostics.md written\n');
