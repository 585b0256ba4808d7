// Document limits from graphql-armor (depth, aliases, tokens) and field
// suggestions blocked in production. Armor's errors carry no code; each limit
// gets its own stable `extensions.code` and HTTP 400 here.
import type { GraphQLError } from "graphql";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import type { Limits } from "../config.ts";
import { refusalExtensions, type RefusalCode } from "../../services/kit/errors.ts";

export const LIMIT_CODES = {
  depth: "QUERY_TOO_DEEP",
  aliases: "TOO_MANY_ALIASES",
  tokens: "QUERY_TOO_LARGE",
} as const satisfies Record<string, RefusalCode>;

/** Armor rejects with a plain GraphQLError; give it a code and its status (400) before it is thrown. */
function coded(code: RefusalCode) {
  return [
    (_ctx: unknown, error: GraphQLError) => {
      Object.assign(error.extensions as Record<string, unknown>, refusalExtensions(code));
    },
  ];
}

export function limitPlugins(limits: Limits, production: boolean) {
  const plugins = [
    maxTokensPlugin({ n: limits.maxTokens, onReject: coded(LIMIT_CODES.tokens) }),
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, onReject: coded(LIMIT_CODES.depth) }),
    maxAliasesPlugin({ n: limits.maxAliases, onReject: coded(LIMIT_CODES.aliases) }),
  ];
  // "Did you mean …?" maps a schema for someone who may not introspect it.
  if (production) plugins.push(blockFieldSuggestionsPlugin());
  return plugins;
}
