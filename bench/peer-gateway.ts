// The peer: the same supergraph behind @apollo/gateway (Elastic License 2.0,
// used by the benchmark only). No rules of its own: it forwards the token's
// claims unverified and the X-Case-Id, signed the way our gateway signs, so
// the subgraphs accept its calls.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { decodeJwt } from "jose";
import { isServiceName } from "../services/kit/catalog.ts";
import { peerGatewayConfig } from "./config.ts";
import { HUB_EXTENSION, JWT_EXTENSION, newNonce, SIGNATURE_EXTENSION, sign, signedPayload, type HubExtension } from "../services/kit/auth/signing.ts";

interface PeerContext {
  claims: Record<string, unknown> | null;
  purpose: string | null;
}

const { port, signingSecret: secret, supergraphPath, subgraphUrls } = peerGatewayConfig();

class SigningDataSource extends RemoteGraphQLDataSource<PeerContext> {
  /** The subgraph this source calls: each call is signed for it alone. */
  target = "";

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<PeerContext>): void {
    const hub: HubExtension = { purpose: context.purpose ?? null, requestId: randomUUID(), issuedAt: Date.now(), target: this.target, nonce: newNonce() };
    const extensions: Record<string, unknown> = { ...request.extensions, [HUB_EXTENSION]: hub };
    if (context.claims) extensions[JWT_EXTENSION] = { payload: context.claims };
    extensions[SIGNATURE_EXTENSION] = sign(signedPayload({ query: request.query, variables: request.variables, extensions }), secret);
    request.extensions = extensions;
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: fs.readFileSync(supergraphPath, "utf8"),
  buildService: ({ name, url }) => Object.assign(new SigningDataSource({ url: (isServiceName(name) ? subgraphUrls[name] : undefined) ?? url }), { target: name }),
});
const server = new ApolloServer<PeerContext>({ gateway });
await startStandaloneServer(server, {
  listen: { port, host: "127.0.0.1" },
  async context({ req }) {
    const auth = req.headers.authorization;
    const token = typeof auth === "string" && auth.startsWith("Bearer ") ? auth.slice(7) : null;
    const caseId = req.headers["x-case-id"];
    return { claims: token ? (decodeJwt(token) as Record<string, unknown>) : null, purpose: typeof caseId === "string" ? caseId : null };
  },
});
// Stop with the benchmark that started it.
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
process.stdout.write(`peer gateway ready on ${port}\n`);
