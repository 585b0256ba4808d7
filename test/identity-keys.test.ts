// The development provider as a process: signing-key rotation with
// `npm run identity:keys`, state kept across restarts, a clean stop on
// SIGTERM, and the refusal to run in production.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_CLIENT_ID } from "../identity/clients.ts";
import { DevSignIn } from "../identity/dev-token.ts";
import type { IdentitySecrets } from "../identity/secrets.ts";
import { identityTestPort, runProviderOnce, startTestProvider, type TestProvider } from "./support/identity-provider.ts";

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider(2);
});

afterAll(async () => {
  await provider?.stop();
});

/** A fresh key set each time: a cached one would hide what the provider publishes now. */
const verify = (token: string) =>
  jwtVerify(token, createRemoteJWKSet(new URL(`${provider.issuer}/jwks`)), { issuer: provider.issuer, audience: "samhandling-hub", typ: "at+jwt" });

const publishedKids = async () => ((await (await fetch(`${provider.issuer}/jwks`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

async function machineToken(): Promise<string> {
  const secrets = JSON.parse(fs.readFileSync(path.join(provider.dataDir, "identity", "secrets.json"), "utf8")) as IdentitySecrets;
  const response = await fetch(`${provider.issuer}/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`nav-integration:${secrets.clientSecrets["nav-integration"]}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials", scope: "nav:write" }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function restart(): Promise<void> {
  expect(await provider.stop()).toBe(0);
  await provider.start();
}

describe("signing keys", () => {
  it("rotates: the new key signs, the old stays published until retired, then its tokens no longer verify", async () => {
    const [firstKid] = await publishedKids();
    const oldToken = await machineToken();
    expect(decodeProtectedHeader(oldToken).kid).toBe(firstKid);

    const rotated = provider.keys("rotate");
    expect(rotated.status).toBe(0);
    await restart();
    const kids = await publishedKids();
    expect(kids).toHaveLength(2);
    const [newKid] = kids;
    expect(kids).toEqual([newKid, firstKid]);
    expect(rotated.stdout).toContain(newKid);

    const newToken = await machineToken();
    expect(decodeProtectedHeader(newToken).kid).toBe(newKid);
    await verify(newToken);
    await verify(oldToken);

    expect(provider.keys("retire").status).toBe(0);
    await restart();
    expect(await publishedKids()).toEqual([newKid]);
    await verify(newToken);
    await expect(verify(oldToken)).rejects.toMatchObject({ code: "ERR_JWKS_NO_MATCHING_KEY" });
  });

  it("keeps the key file readable by the owner only", () => {
    expect(fs.statSync(path.join(provider.dataDir, "identity", "jwks.json")).mode & 0o777).toBe(0o600);
  });
});

describe("the process", () => {
  it("keeps sign-ins across a restart: a refresh token from before still works", async () => {
    const signIn = await DevSignIn.at(provider.issuer, WEB_CLIENT_ID, provider.webRedirectUri);
    const tokens = await signIn.run("helse-helsesykepleier-1");
    await restart();
    const refreshed = await signIn.refresh(tokens.refresh_token!);
    expect((await verify(refreshed.access_token)).payload.sub).toBe("helse-helsesykepleier-1");
    // The browser's session survived too: no sign-in page.
    expect((await signIn.authorize()).kind).toBe("callback");
  });

  it("stops cleanly on SIGTERM and logs only JSON lines", async () => {
    expect(await provider.stop("SIGTERM")).toBe(0);
    const lines = provider.logLines();
    for (const line of lines) expect(line).not.toHaveProperty("unparsed");
    // Every start so far (this suite restarts it several times) ended with a clean stop.
    const started = lines.filter((l) => l.msg === "identity provider ready").length;
    expect(started).toBeGreaterThanOrEqual(1);
    expect(lines.filter((l) => l.msg === "stopped")).toHaveLength(started);
    await provider.start();
  });

  it("refuses to run with NODE_ENV=production, saying why", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-identity-prod-"));
    const { status, output } = runProviderOnce({ NODE_ENV: "production", IDENTITY_PORT: String(identityTestPort(9)), DATA_DIR: dataDir });
    expect(status).toBe(1);
    const line = output.split("\n").find((l) => l.includes("identity provider failed to start"));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: "error", msg: "identity provider failed to start", reason: expect.stringContaining("NODE_ENV=production") });
    // Nothing was written: no keys, no secrets.
    expect(fs.existsSync(path.join(dataDir, "identity"))).toBe(false);
  });
});
