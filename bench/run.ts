// `npm run bench`: prints every benchmark with its ratio against the peer measured in the same run.
import { benchValidate } from './validate-bench';
import { benchExport } from './export-bench';

const rows = [...benchValidate(), ...benchExport()];
process.stdout.write(`${rows.join('\n')}\n`);
