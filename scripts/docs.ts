// npm run docs              writes docs/configuration.md, docs/errors.md and docs/retention.md from their sources
// npm run docs -- --check   fails when one is stale (a test does the same)
import fs from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../services/kit/config.ts";
import { referenceDocs } from "./lib/reference-docs.ts";

const check = process.argv.includes("--check");
let stale = 0;
for (const [file, text] of Object.entries(referenceDocs())) {
  const name = path.relative(ROOT_DIR, file);
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  if (current === text) {
    console.log(`up to date: ${name}`);
  } else if (check) {
    console.error(`${name} is stale: run \`npm run docs\` and commit it.`);
    stale += 1;
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${name}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
