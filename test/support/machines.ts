// A service's own system, as tests call the hub with it: its machine
// client's token from the federation's identity provider (client
// credentials, with the client's secret from the federation's data folder),
// never minted by the test. Cached per client: a token lasts ten minutes.
import { inject } from "vitest";
import type { ViewService } from "../../services/kit/catalog.ts";
import { devMachineToken } from "../../scripts/lib/dev-machine-token.ts";
import { ARCHIVE_CLIENT_ID } from "../../identity/clients.ts";

const tokens = new Map<string, { token: Promise<string>; until: number }>();
const LIFETIME_MS = 5 * 60_000;

export function machineToken(service: ViewService): Promise<string> {
  return clientToken(`${service}-integration`);
}

function clientToken(clientId: string): Promise<string> {
  const cached = tokens.get(clientId);
  if (cached && cached.until > Date.now()) return cached.token;
  const token = devMachineToken(inject("identityIssuer"), inject("dataDir"), clientId);
  tokens.set(clientId, { token, until: Date.now() + LIFETIME_MS });
  token.catch(() => tokens.delete(clientId));
  return token;
}

/** Headers for a request as `service`'s own system. */
export async function asMachine(service: ViewService): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await machineToken(service)}` };
}

/** Headers for a request as the municipality's archive (its machine client, scope samhandling:archive). */
export async function asArchive(): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await clientToken(ARCHIVE_CLIENT_ID)}` };
}
