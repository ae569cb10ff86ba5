// The README's main job: validate the FlowTime corpus with the built CLI and show what each verdict looks like.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const corpus = process.env.FLOWTIME_CORPUS ?? '../shared/corpus';
if (!existsSync(corpus)) {
  console.error(`demo: corpus folder ${corpus} not found (set FLOWTIME_CORPUS)`);
  process.exit(2);
}

function run(title, args, expectedExit) {
  console.log(`\n== ${title}\n$ flowtime ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['bin/flowtime.js', ...args], { stdio: 'inherit' });
  if (r.status !== expectedExit) {
    console.error(`demo: expected exit ${expectedExit}, got ${r.status}`);
    process.exit(1);
  }
}

run('Real FlowTime templates: zero errors expected', ['sim', 'validate', `${corpus}/templates`], 0);
run('Valid real models: zero errors expected', ['sim', 'validate', `${corpus}/models/valid`], 0);
run('Invalid and legacy models: each problem reported at its line (exit 1 expected)', ['sim', 'validate', `${corpus}/models/invalid`], 1);
console.log('\ndemo: all verdicts as expected');
