// Who is signed in, as the hub sees them: the `viewer` query, asked through
// the app's own GraphQL client once the provider has handed over the tokens.
// The provider's own claims are not the hub's (ID-porten gives a national id,
// Entra ID groups and app roles); the gateway maps them (gateway/identity/),
// and the app shows what the hub will grant, never its own reading of a token.
import type { Client } from "@urql/core";
import { ViewerDocument } from "../graphql/generated/graphql.ts";
import { userFromViewer, type SignedInUser } from "./session.ts";

/** Asks the gateway, with the session's new access token, who it takes the caller for; null when it takes them for no one the app serves. */
export function viewerOf(client: () => Client): () => Promise<SignedInUser | null> {
  return async () => {
    const result = await client().query(ViewerDocument, {}, { requestPolicy: "network-only" }).toPromise();
    if (result.error) throw result.error;
    return result.data?.viewer ? userFromViewer(result.data.viewer) : null;
  };
}
