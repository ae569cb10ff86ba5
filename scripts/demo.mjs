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

run('Built-in templates and their parameters', ['sim', 'list', '--kind', 'template'], 0);
run('A model artifact from the checkout template', ['sim', 'new', '--template', 'checkout', '--out', 'artifacts', '--name', 'checkout-baseline'], 0);
run('The same command again: same id, nothing written', ['sim', 'new', '--template', 'checkout', '--out', 'artifacts', '--name', 'checkout-baseline'], 0);
run('A variation with a higher peak', ['sim', 'derive', '--from', modelId('checkout-baseline'), '--name', 'checkout-peak', '--set', 'peak_factor=2.0', '--out', 'artifacts'], 0);
run('A hand-written model exported as an artifact', ['sim', 'export', '--model', `${corpus}/models/valid/order-system.yaml`, '--name', 'order-system', '--out', 'artifacts'], 0);
run('Every artifact', ['sim', 'list', '--kind', 'model', '--out', 'artifacts'], 0);
run('A stored model validated again', ['sim', 'validate', '--model', modelId('checkout-baseline'), '--out', 'artifacts'], 0);
console.log('\ndemo: all verdicts as expected; artifacts are in ./artifacts/models (open a preview.svg in a browser)');

function modelId(name) {
  const r = spawnSync(process.execPath, ['bin/flowtime.js', 'sim', 'list', '--kind', 'model', '--out', 'artifacts', '--json'], { encoding: 'utf8' });
  const hit = JSON.parse(r.stdout).find((m) => m.id.startsWith(`${name}_`));
  if (!hit) {
    console.error(`demo: no artifact named ${name}`);
    process.exit(1);
  }
  return hit.id;
}
