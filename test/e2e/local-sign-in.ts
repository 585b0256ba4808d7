// Sign-ins the development provider would never give — an employee it does
// not know yet, a sign-in mapped to the wrong service, one person holding
// two roles — from a local issuer (scripts/lib/local-issuer.ts), through a
// second gateway in front of the shared federation's subgraphs that trusts it
// beside the provider. The gateway meets it as it meets any provider a
// municipality trusts: through the identity mapping, so the test still holds
// a verified token, never a claim of its own making.
import fs from "node:fs";
import { inject } from "vitest";
import { devMapping } from "../../identity/mapping.ts";
import { demoDirectory } from "../../identity/users.ts";
import { localIssuerMapping, mappingOf, startLocalIssuer } from "../../scripts/lib/local-issuer.ts";
import type { HubClaims } from "../../services/kit/auth/caller.ts";
import { postGraphQL, type GraphQLResponse } from "../support/graphql.ts";
import { startGateway, writeMappingFile } from "./hardening-support.ts";

export interface LocalSignIn {
  /** Headers for a request as an employee with exactly these claims, optionally declaring a case. */
  headers(claims: HubClaims, caseId?: string): Promise<Record<string, string>>;
  /** A request through the gateway that trusts the local issuer. */
  send<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  stop(): Promise<void>;
}

/** Starts the issuer and its gateway on the shared gateway's port + `portOffset` (each suite its own). */
export async function startLocalSignIn(portOffset: number): Promise<LocalSignIn> {
  const cleanup: string[] = [];
  const local = await startLocalIssuer();
  const [dev] = devMapping(demoDirectory()).issuers;
  const mapping = mappingOf({ ...dev!, issuer: inject("identityIssuer") }, localIssuerMapping(local.issuer));
  const gw = await startGateway(inject("gatewayPort") + portOffset, { IDENTITY_MAPPING_PATH: writeMappingFile(mapping, cleanup) }).catch(async (error: unknown) => {
    await local.close();
    throw error;
  });
  return {
    async headers(claims, caseId) {
      return { authorization: `Bearer ${await local.tokenFor(claims)}`, ...(caseId ? { "x-case-id": caseId } : {}) };
    },
    send: (query, variables, headers) => postGraphQL(gw.url, query, variables, headers),
    async stop() {
      await gw.stop();
      await local.close();
      for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
