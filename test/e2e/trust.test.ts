// A subgraph answers only requests the hub signed — _entities included.
import { describe, expect, it } from "vitest";
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";
import { HUB_EXTENSION, JWT_EXTENSION, signRequest } from "../../services/kit/auth/signing.ts";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { postGraphQL, subgraphUrl } from "../support/graphql.ts";

const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id } } }`;

describe("gateway → subgraph trust", () => {
  it.each(SERVICE_NAMES)("%s refuses an unsigned call, _entities included", async (service) => {
    const res = await postGraphQL(`${subgraphUrl(service)}/graphql`, entities, { r: [{ __typename: "Person", id: demoPersonId("berg", "Geir") }] });
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe("UNSIGNED_REQUEST");
  });

  it("refuses a request signed with another key, and one whose claims were altered after signing", async () => {
    const hub = { purpose: null, requestId: "t", issuedAt: Date.now() };
    const forged = signRequest({ query: entities, variables: { r: [] }, extensions: { [HUB_EXTENSION]: hub } }, "not-the-hub-key");
    let res = await fetch(`${subgraphUrl("nav")}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(forged) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("BAD_SIGNATURE");

    const { inject } = await import("vitest");
    const signed = signRequest({ query: entities, variables: { r: [] }, extensions: { [HUB_EXTENSION]: hub, [JWT_EXTENSION]: { payload: { sub: "x", name: "x", service: "skole", roles: [] } } } }, inject("signingSecret"));
    (signed.extensions[JWT_EXTENSION] as { payload: { service: string } }).payload.service = "barnevern";
    res = await fetch(`${subgraphUrl("nav")}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(signed) });
    expect(res.status).toBe(401);
  });

  it("refuses GET on a subgraph's GraphQL endpoint", async () => {
    const res = await fetch(`${subgraphUrl("helse")}/graphql?query=%7B__typename%7D`);
    expect(res.status).toBe(405);
  });
});
