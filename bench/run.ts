// `npm run bench`: prints every benchmark with its ratio against the peer measured in the same run.
import { benchValidate } from './validate-bench';

const rows = [...benchValidate()];
process.stdout.write(`${rows.join('\n')}\n`);
