// npm run identity:mapping   rewrites deploy/identity-mapping.dev.json from the demo's people
// (test/identity-config.test.ts fails while the committed file is stale).
import fs from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../services/kit/config.ts";
import { DEV_MAPPING_FILE, devMapping, renderMapping } from "./mapping.ts";
import { demoDirectory } from "./users.ts";

fs.writeFileSync(path.join(ROOT_DIR, DEV_MAPPING_FILE), renderMapping(devMapping(demoDirectory())));
console.log(`wrote ${DEV_MAPPING_FILE}`);
