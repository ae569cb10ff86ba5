// `npm run bench`: prints every benchmark with its ratio against the peer measured in the same run.
import { benchValidate } from './validate-bench';
import { benchExport } from './export-bench';
import { benchHttp } from './http-bench';

const rows = [...benchValidate(), ...benchExport()];
process.stdout.write(`${rows.join('\n')}\n`);
void benchHttp().then((http) => process.stdout.write(`${http.join('\n')}\n`));
