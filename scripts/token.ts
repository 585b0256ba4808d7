// npm run token -- <user> [--acr substantial|high]   prints an access token for a demo user
// npm run token -- <service>-integration              prints a machine client's token (client credentials)
// npm run token                                      lists them
//
// The token comes from the development identity provider that `npm start`
// runs (GATEWAY_PORT + 100): a person's through the real authorization code
// flow with PKCE (identity/dev-token.ts), a machine's with its client secret
// from DATA_DIR/identity/secrets.json. The gateway verifies it like any other.
import { ACR_LEVELS, type AcrLevel } from "../identity/claims.ts";
import { MACHINE_CLIENTS, machineClient } from "../identity/clients.ts";
import { devToken } from "../identity/dev-token.ts";
import { demoUser, demoUsers } from "../demo/users.ts";
import { tokenConfig } from "./config.ts";
import { devMachineToken, providerUnreachable } from "./lib/dev-machine-token.ts";

const config = tokenConfig();
if (config.production) {
  console.error("Development tokens are off in production: sign in through the municipality's identity provider.");
  process.exit(1);
}

const args = process.argv.slice(2);
const acrAt = args.indexOf("--acr");
const acrArg = acrAt >= 0 ? args.splice(acrAt, 2)[1] : undefined;
const key = args[0];

if (!key) {
  console.log("Usage: npm run token -- <user> [--acr substantial|high]\n\nDemo users:");
  for (const user of demoUsers()) console.log(`  ${user.key.padEnd(34)} ${user.claims.service.padEnd(13)} ${user.description}`);
  console.log("\nMachine clients (client credentials, their own service's write scope):");
  for (const client of MACHINE_CLIENTS) console.log(`  ${client.clientId.padEnd(34)} ${client.service.padEnd(13)} scope ${client.scope}`);
  console.log("\nCitizens sign in at the high level of assurance unless --acr substantial is given; a national id signs in anyone in the demo register.");
  process.exit(0);
}

const acr = acrArg === undefined ? ACR_LEVELS[1] : ACR_LEVELS.find((level) => level === acrArg || level === `idporten-loa-${acrArg}`);
if (!acr) {
  console.error(`--acr must be substantial or high (or ${ACR_LEVELS.join(" or ")}), got "${acrArg}".`);
  process.exit(1);
}

async function token(): Promise<string> {
  if (machineClient(key!)) return devMachineToken(config.issuer, config.dataDir, key!);
  // Demo aliases and every person in the demo register (by national id) are known to the provider itself.
  if (!demoUser(key!) && !/^\d{11}$/.test(key!)) throw new Error(`No demo user "${key}". Run \`npm run token\` for the list.`);
  return devToken(config.issuer, key!, acr as AcrLevel);
}

try {
  console.log(await token());
} catch (error) {
  console.error(
    providerUnreachable(error)
      ? `The development identity provider is not answering at ${config.issuer}. Start the hub with \`npm start\` (with the same GATEWAY_PORT) and try again.`
      : error instanceof Error
        ? error.message
        : String(error),
  );
  process.exit(1);
}
