// Entry of the pack for `node policy-packs/agent-guardrails` and the Pulumi CLI: loads the compiled
// ESM pack (`npm run build` -> dist/policy-packs/agent-guardrails/index.js), which serves the
// Analyzer gRPC interface and prints its port. PolicyPack reads the version from ./package.json.
'use strict';
const path = require('node:path');
const { existsSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

process.chdir(__dirname);
const compiled = path.resolve(__dirname, '../../dist/policy-packs/agent-guardrails/index.js');
if (!existsSync(compiled)) {
  console.error(`agent-guardrails: ${compiled} is missing; run \`npm run build\` at the repository root first`);
  process.exit(1);
}
module.exports = import(pathToFileURL(compiled).href);
