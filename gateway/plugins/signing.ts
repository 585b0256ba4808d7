// Hive's HMAC upstream signature, over the bytes subgraphs verify: query,
// variables and all extensions (claims, purpose), not just query and variables.
import { defaultPrintFn } from "@graphql-tools/executor-common";
import { useHmacUpstreamSignature } from "@graphql-mesh/hmac-upstream-signature";
import { SIGNATURE_EXTENSION, signedPayload } from "../../services/kit/auth/signing.ts";

export function useHubSigning(secret: string) {
  return useHmacUpstreamSignature({
    secret,
    extensionName: SIGNATURE_EXTENSION,
    serializeExecutionRequest: (request) =>
      signedPayload({ query: defaultPrintFn(request.document), variables: request.variables, extensions: request.extensions }),
  });
}
