// The app's GraphQL client against a recording HTTP endpoint: the access
// token on every request, and in trusted-documents mode the document's id
// instead of its text — the shape the gateway's manifest lookup expects.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { graphqlClient, inCase } from "../../web/src/graphql/client.ts";
import { unconfiguredAuth, type Auth } from "../../web/src/auth/auth.ts";
import { MyCasesDocument } from "../../web/src/graphql/generated/graphql.ts";
import { appManifest } from "../../web/documents.ts";

interface Seen {
  headers: http.IncomingHttpHeaders;
  body: { query?: string; operationName?: string; extensions?: { persistedQuery?: { version: number; sha256Hash: string } } };
}

describe("the GraphQL client", () => {
  const seen: Seen[] = [];
  let server: http.Server;
  let url: string;
  const auth: Auth = { ...unconfiguredAuth(), getAccessToken: async () => "token-123" };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen.push({ headers: req.headers, body: (body ? JSON.parse(body) : { query: `GET ${req.url}` }) as Seen["body"] });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: { __typename: "Query", myCasesPage: { __typename: "CoordinationCaseConnection", edges: [{ __typename: "CoordinationCaseEdge", node: { __typename: "CoordinationCase", id: "c1", kind: "BTI", title: "T", btiLevel: 1, overdueFollowUpCount: 0 } }], pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "x" } } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve()) && server.closeAllConnections()));

  test("trusted documents only: the manifest's id, no text, the bearer token", async () => {
    const client = graphqlClient({ gatewayUrl: url, oidc: null, trustedDocumentsOnly: true }, auth);
    const result = await client.query(MyCasesDocument, {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.myCasesPage.edges[0]?.node.title).toBe("T");
    const request = seen.at(-1)!;
    const id = appManifest().operations.find((op) => op.name === "MyCases")!.id;
    expect(request.body.extensions?.persistedQuery).toEqual({ version: 1, sha256Hash: id });
    expect(request.body.query).toBeUndefined();
    expect(request.headers["content-type"]).toMatch(/application\/json/);
    expect(request.headers.authorization).toBe("Bearer token-123");
  });

  test("a query in a case declares it (X-Case-Id); one outside a case declares none", async () => {
    const client = graphqlClient({ gatewayUrl: url, oidc: null, trustedDocumentsOnly: true }, auth);
    await client.query(MyCasesDocument, {}, inCase("c-123")).toPromise();
    expect(seen.at(-1)!.headers["x-case-id"]).toBe("c-123");
    expect(seen.at(-1)!.headers.authorization).toBe("Bearer token-123");
    await client.query(MyCasesDocument, {}, { requestPolicy: "network-only" }).toPromise();
    expect(seen.at(-1)!.headers["x-case-id"]).toBeUndefined();
  });

  test("development: the text, so a gateway without the app's manifest still answers", async () => {
    const client = graphqlClient({ gatewayUrl: url, oidc: null, trustedDocumentsOnly: false }, { ...auth, getAccessToken: async () => null });
    await client.query(MyCasesDocument, {}).toPromise();
    const request = seen.at(-1)!;
    expect(request.body.query).toMatch(/query MyCases/);
    expect(request.body.extensions?.persistedQuery).toBeUndefined();
    expect(request.headers.authorization).toBeUndefined();
  });
});
