// npm run identity:keys -- rotate   a new signing key; the old ones stay published
// npm run identity:keys -- retire   remove every key but the signing key
// npm run identity:keys             list the keys
// Restart the provider afterwards: it reads its keys when it starts.
import { identityConfig } from "./config.ts";
import { loadSigningKeys, retireOldKeys, rotateSigningKey } from "./keys.ts";

const { dataDir } = identityConfig();
const command = process.argv[2];
if (command === "rotate") {
  console.log(`New signing key ${await rotateSigningKey(dataDir)}. Restart the identity provider to sign with it.`);
} else if (command === "retire") {
  const removed = await retireOldKeys(dataDir);
  console.log(removed.length ? `Removed ${removed.join(", ")}. Restart the identity provider to stop publishing them.` : "Only the signing key is left; nothing removed.");
} else if (command === undefined) {
  const { keys } = await loadSigningKeys(dataDir);
  keys.forEach((k, i) => console.log(`${k.kid}${i === 0 ? "  (signs)" : "  (published for verification)"}`));
} else {
  console.error("Usage: npm run identity:keys -- [rotate | retire]");
  process.exit(1);
}
