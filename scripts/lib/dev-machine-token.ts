// A machine client's token from the development identity provider (client
// credentials, with the client's secret from DATA_DIR/identity), for
// `npm run token -- <service>-integration` and `npm run import`.
import path from "node:path";
import { machineClient } from "../../identity/clients.ts";
import { machineToken } from "../../identity/dev-token.ts";
import { readIdentitySecrets } from "../../identity/secrets.ts";

export async function devMachineToken(issuer: string, dataDir: string, clientId: string): Promise<string> {
  const machine = machineClient(clientId);
  if (!machine) throw new Error(`No machine client "${clientId}". Run \`npm run token\` for the list.`);
  const secret = readIdentitySecrets(path.join(dataDir, "identity"))?.clientSecrets[machine.clientId];
  if (!secret) throw new Error(`No secret for ${machine.clientId} under ${dataDir}/identity: start the hub (npm start) with this DATA_DIR first.`);
  return machineToken(issuer, machine.clientId, secret, machine.scope);
}

/** What to say when the provider cannot be reached at all. */
export function providerUnreachable(error: unknown): boolean {
  const reason = error instanceof Error ? error.message : String(error);
  return error instanceof TypeError || /fetch failed|ECONNREFUSED/.test(reason);
}
