#!/usr/bin/env node
// Launcher for the bundled CLI (dist/ is built by `npm run build`, which `npm ci` runs through `prepare`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('flowtime: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
const { main } = require(bundle);
process.exitCode = main(process.argv.slice(2));
