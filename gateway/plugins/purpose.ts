// Puts the declared purpose (X-Case-Id), the request id and the signing time
// into every subgraph request's extensions, where the signature covers them.
import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { HUB_EXTENSION, type HubExtension } from "../../services/kit/auth/signing.ts";

const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface PurposeContext {
  request?: Request;
  hubRequestId?: string;
}

function purposeOf(request: Request | undefined): string | null {
  const raw = request?.headers.get("x-case-id");
  if (raw === null || raw === undefined || raw === "") return null;
  if (!CASE_ID.test(raw)) {
    throw new GraphQLError("The X-Case-Id header must be a case id (letters, digits, - and _, at most 64).", {
      extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
    });
  }
  return raw;
}

export function useHubPurpose(): GatewayPlugin {
  return {
    onSubgraphExecute({ executionRequest, setExecutionRequest }) {
      const context = (executionRequest.context ?? {}) as PurposeContext;
      context.hubRequestId ??= context.request?.headers.get("x-request-id") ?? randomUUID();
      const hub: HubExtension = { purpose: purposeOf(context.request), requestId: context.hubRequestId, issuedAt: Date.now() };
      setExecutionRequest({ ...executionRequest, extensions: { ...executionRequest.extensions, [HUB_EXTENSION]: hub } });
    },
  };
}
