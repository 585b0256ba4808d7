// What a document may ask for, checked before the query planner sees it: its
// size with every fragment expanded (a few hundred bytes of nested fragment
// spreads kept the Rust planner busy for most of a minute), the operation
// types the API has, and — where clients may send any document — its cost by
// the rule trusted documents are priced by when they are built.
import { GraphQLError, Kind, type DocumentNode, type ValidationRule } from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { Limits } from "../config.ts";
import { documentCost, expandedSelections } from "../document-measures.ts";
import { refusalExtensions, requestRefusal } from "../../services/kit/errors.ts";

/** `subscription { … }` against an API without subscriptions: graphql-js leaves it to execution, where it fails as a 500. */
const supportedOperations: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      // 400 whatever the client accepts: Yoga answers validation errors with 200 to plain
      // application/json unless told this is no "spec" error.
      const { code, http } = refusalExtensions("GRAPHQL_VALIDATION_FAILED");
      const extensions = { code, http: { ...http, spec: false } };
      context.reportError(new GraphQLError(`The hub's API has no ${node.operation} operations. Send a query or a mutation.`, { nodes: node, extensions }));
    }
  },
});

const operationNameOf = (context: unknown): string | undefined => (context as { params?: { operationName?: string } }).params?.operationName;

/** `priceDocuments`: whether arbitrary documents may run (development); trusted ones were priced when the manifest was built. */
export function useDocumentLimits(limits: Pick<Limits, "maxSelections" | "maxCost" | "listSize">, { priceDocuments }: { priceDocuments: boolean }): GatewayPlugin {
  return {
    onParse() {
      return ({ result }) => {
        if (!result || (result as DocumentNode).kind !== Kind.DOCUMENT) return;
        const selections = expandedSelections(result as DocumentNode);
        if (selections > limits.maxSelections) {
          throw requestRefusal(
            "SELECTION_TOO_LARGE",
            `The document selects ${selections} fields once its fragments are expanded, over the limit of ${limits.maxSelections}. Spread fragments only where they are needed, or split the query.`,
          );
        }
      };
    },
    onValidate({ addValidationRule, params, context }) {
      addValidationRule(supportedOperations);
      if (!priceDocuments) return;
      return ({ valid, setResult }) => {
        if (!valid) return;
        const cost = documentCost(params.schema, params.documentAST, limits.listSize, operationNameOf(context));
        if (cost <= limits.maxCost) return;
        setResult([
          requestRefusal(
            "COST_ESTIMATED_TOO_EXPENSIVE",
            `The operation's estimated cost is ${cost}, over the limit of ${limits.maxCost} (1 per object field, times ${limits.listSize} for each list around it). Ask for fewer fields inside lists, or split the query.`,
          ),
        ]);
      };
    },
  };
}
