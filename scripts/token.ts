// npm run token -- <user>   prints a development bearer token for a demo user
// npm run token             lists the demo users
import { loadSecrets } from "../services/kit/auth/secrets.ts";
import { devToken } from "../services/kit/auth/tokens.ts";
import { demoUser, demoUsers } from "../demo/users.ts";
import { tokenConfig } from "./config.ts";

const config = tokenConfig();
if (config.production) {
  console.error("Development tokens are off in production: use the municipality's identity provider.");
  process.exit(1);
}
const key = process.argv[2];
if (!key) {
  console.log("Usage: npm run token -- <user>\n\nDemo users:");
  for (const user of demoUsers()) console.log(`  ${user.key.padEnd(34)} ${user.claims.service.padEnd(13)} ${user.description}`);
  process.exit(0);
}
const user = demoUser(key);
if (!user) {
  console.error(`No demo user "${key}". Run \`npm run token\` for the list.`);
  process.exit(1);
}
const secrets = loadSecrets(config.dataDir, config.secrets, false);
console.log(await devToken(user.claims, secrets.jwtSecret));
