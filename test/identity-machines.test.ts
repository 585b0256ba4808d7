// Machine clients at the development provider: client credentials, one
// client per service, each limited to its own service's write scope.
import fs from "node:fs";
import path from "node:path";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MACHINE_CLIENTS, WEB_CLIENT_ID } from "../identity/clients.ts";
import { VIEW_SERVICES } from "../services/kit/catalog.ts";
import type { IdentitySecrets } from "../identity/secrets.ts";
import { startTestProvider, type TestProvider } from "./support/identity-provider.ts";

let provider: TestProvider;
let secrets: IdentitySecrets;

beforeAll(async () => {
  provider = await startTestProvider(1);
  secrets = JSON.parse(fs.readFileSync(path.join(provider.dataDir, "identity", "secrets.json"), "utf8")) as IdentitySecrets;
});

afterAll(async () => {
  await provider?.stop();
});

async function clientCredentials(clientId: string, secret: string, scope?: string) {
  const response = await fetch(`${provider.issuer}/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials", ...(scope ? { scope } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

const nav = () => MACHINE_CLIENTS.find((c) => c.service === "nav")!;

describe("client credentials", () => {
  it("gives each service's client its own write scope (the archive's, samhandling:archive) in a Maskinporten-shaped JWT for the hub", async () => {
    const keys = createRemoteJWKSet(new URL(`${provider.issuer}/jwks`));
    for (const client of MACHINE_CLIENTS) {
      const { status, body } = await clientCredentials(client.clientId, secrets.clientSecrets[client.clientId], client.scope);
      expect(status, client.clientId).toBe(200);
      expect(body).toMatchObject({ token_type: "Bearer", scope: client.scope, expires_in: 600 });
      const { payload, protectedHeader } = await jwtVerify(body.access_token, keys, {
        issuer: provider.issuer,
        audience: "samhandling-hub",
        typ: "at+jwt",
        algorithms: ["RS256"],
      });
      expect(protectedHeader.alg).toBe("RS256");
      expect(payload).toEqual({
        iss: provider.issuer,
        aud: "samhandling-hub",
        sub: client.clientId,
        client_id: client.clientId,
        scope: client.scope,
        consumer: { authority: "iso6523-actorid-upis", ID: `0192:${client.consumerOrgNumber}` },
        client_amr: "client_secret_basic",
        jti: expect.any(String),
        iat: expect.any(Number),
        exp: expect.any(Number),
      });
    }
    expect(new Set(MACHINE_CLIENTS.map((c) => c.service))).toEqual(new Set([...VIEW_SERVICES, "samhandling"]));
    expect(MACHINE_CLIENTS.map((c) => c.scope)).toEqual([...VIEW_SERVICES.map((s) => `${s}:write`), "samhandling:archive"]);
  });

  it("refuses nav's client another service's scope, alone or alongside its own", async () => {
    const { clientId } = nav();
    for (const scope of ["skole:write", "nav:write skole:write", "hub"]) {
      const { status, body } = await clientCredentials(clientId, secrets.clientSecrets[clientId], scope);
      expect(status, scope).toBe(400);
      expect(body, scope).toMatchObject({ error: "invalid_scope" });
      expect(body.access_token).toBeUndefined();
    }
  });

  it("refuses a wrong secret, another client's secret, and the web app", async () => {
    const { clientId } = nav();
    const skole = MACHINE_CLIENTS.find((c) => c.service === "skole")!;
    for (const secret of ["wrong-secret-of-some-length", secrets.clientSecrets[skole.clientId]]) {
      const { status, body } = await clientCredentials(clientId, secret, "nav:write");
      expect(status).toBe(401);
      expect(body).toMatchObject({ error: "invalid_client" });
    }
    const web = await fetch(`${provider.issuer}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: WEB_CLIENT_ID, scope: "hub" }),
    });
    expect(web.status).toBe(400);
    expect(await web.json()).toMatchObject({ error: "invalid_request", error_description: "requested grant type is not allowed for this client" });
  });

  it("keeps the client secrets readable by the owner only", () => {
    const mode = fs.statSync(path.join(provider.dataDir, "identity", "secrets.json")).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(Object.keys(secrets.clientSecrets).sort()).toEqual(MACHINE_CLIENTS.map((c) => c.clientId).sort());
  });
});
