// A signed subgraph request is good once, at the subgraph it was signed for,
// on the hop it was signed for. A gateway of the test's own calls nav through
// a recording proxy, so the test holds real signed requests as an attacker on
// the wire would, and sends them again.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { HUB_EXTENSION, signRequest, type HubExtension } from "../../services/kit/auth/signing.ts";
import { GATEWAY_SETTINGS } from "../../gateway/config.ts";
import { SUBGRAPH_SETTINGS } from "../../services/kit/config.ts";
import { asUser, subgraphUrl } from "../support/graphql.ts";
import { postToSubgraph, sharedSecrets, signedCall } from "../support/subgraph.ts";
import { post, startGateway, type ExtraGateway } from "./hardening-support.ts";

const CASE = demoCaseId("eriksen");
const TOR = demoPersonId("eriksen", "Tor");
/** A member of Tor Eriksen's case (his ansvarsgruppe's coordinator). */
const ACTOR = "kriminalomsorg-koordinator-1";

/** Forwards to the shared federation's nav and keeps a copy of every body it passed on. */
async function recordingProxy(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const target = `${subgraphUrl("nav")}/graphql`;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      bodies.push(body);
      const answer = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let gw: ExtraGateway;
/** A signed request the gateway sent nav, as captured on the wire. */
let captured: Record<string, unknown>;

beforeAll(async () => {
  proxy = await recordingProxy();
  gw = await startGateway(inject("gatewayPort") + 79, { SUBGRAPH_URL_NAV: proxy.url });
  const res = await post(gw.url, { query: `query ($id: ID!) { person(id: $id) { givenName nav { access { status } involved } } }`, variables: { id: TOR } }, await asUser(ACTOR, CASE));
  expect(res.errors, res.raw).toBeUndefined();
  expect(proxy.bodies.length).toBeGreaterThan(0);
  captured = JSON.parse(proxy.bodies.at(-1)!) as Record<string, unknown>;
});

afterAll(async () => {
  await gw?.stop();
  await proxy?.close();
});

const hubOf = (body: Record<string, unknown>) => (body.extensions as Record<string, unknown>)[HUB_EXTENSION] as HubExtension;

describe("a captured signed request", () => {
  it("names its subgraph and carries a nonce, under the signature", () => {
    const hub = hubOf(captured);
    expect(hub.target).toBe("nav");
    expect(hub.nonce).toMatch(/^[0-9a-f-]{36}$/);
    expect(hub.service).toBeUndefined();
  });

  it("sent again to the same subgraph (within the signature's minute) → 401 REPLAYED_SIGNATURE", async () => {
    const replay = await postToSubgraph("nav", captured);
    expect(replay.status).toBe(401);
    expect(replay.errors?.[0]?.extensions?.code).toBe("REPLAYED_SIGNATURE");
    expect(replay.data).toBeUndefined();
  });

  it("sent to another subgraph → 401 MISDIRECTED_SIGNATURE", async () => {
    for (const service of ["skole", "helse", "samhandling"] as const) {
      const res = await postToSubgraph(service, captured);
      expect(res.status, service).toBe(401);
      expect(res.errors?.[0]?.extensions?.code, service).toBe("MISDIRECTED_SIGNATURE");
    }
  });

  it("with its target rewritten → 401 BAD_SIGNATURE: the target is signed", async () => {
    const retargeted = structuredClone(captured);
    hubOf(retargeted).target = "skole";
    const res = await postToSubgraph("skole", retargeted);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_SIGNATURE");
  });
});

describe("two hops, two keys", () => {
  const claims = demoUser("coordinator")!.claims;
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id } } }`;
  const variables = { r: [{ __typename: "Person", id: TOR }] };

  it("each hop's own signature is accepted (the control)", async () => {
    const fromGateway = await postToSubgraph("nav", signedCall("nav", query, variables, { claims, caseId: CASE }, sharedSecrets()));
    expect(fromGateway.status).toBe(200);
    expect(fromGateway.errors).toBeUndefined();
    const fromSubgraph = await postToSubgraph("registry", signedCall("registry", query, variables, { service: "samhandling" }, sharedSecrets()));
    expect(fromSubgraph.status).toBe(200);
    expect(fromSubgraph.errors).toBeUndefined();
  });

  it("an internal-hop signature is refused on the gateway hop, and a gateway-hop signature on the internal hop", async () => {
    const { signingSecret, internalSigningSecret } = sharedSecrets();
    expect(internalSigningSecret).not.toBe(signingSecret);
    // A gateway call (no calling service) signed with the internal key.
    const asGateway = signedCall("nav", query, variables, { claims, caseId: CASE }, { signingSecret: internalSigningSecret, internalSigningSecret });
    const gatewayHop = await postToSubgraph("nav", asGateway);
    expect(gatewayHop.status).toBe(401);
    expect(gatewayHop.errors?.[0]?.extensions?.code).toBe("BAD_SIGNATURE");
    // A subgraph's call (naming the calling service) signed with the gateway's key.
    const asSubgraph = signedCall("registry", query, variables, { service: "samhandling" }, { signingSecret, internalSigningSecret: signingSecret });
    const internalHop = await postToSubgraph("registry", asSubgraph);
    expect(internalHop.status).toBe(401);
    expect(internalHop.errors?.[0]?.extensions?.code).toBe("BAD_SIGNATURE");
  });

  it("a captured gateway call cannot be turned into a subgraph's call: naming a service breaks its signature", async () => {
    const body = structuredClone(captured);
    hubOf(body).service = "samhandling";
    const res = await postToSubgraph("nav", body);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_SIGNATURE");
    // Re-signed by someone holding only the gateway's key: refused as well.
    const { signingSecret } = sharedSecrets();
    const resigned = signRequest({ ...body, extensions: { ...(body.extensions as Record<string, unknown>), [HUB_EXTENSION]: { ...hubOf(body), nonce: crypto.randomUUID() } } }, signingSecret);
    expect((await postToSubgraph("nav", resigned)).errors?.[0]?.extensions?.code).toBe("BAD_SIGNATURE");
  });

  it("the gateway is never given the internal key; every subgraph reads it", () => {
    expect(GATEWAY_SETTINGS.map((s) => s.name)).not.toContain("HUB_INTERNAL_SIGNING_SECRET");
    expect(SUBGRAPH_SETTINGS.map((s) => s.name)).toContain("HUB_INTERNAL_SIGNING_SECRET");
  });
});
