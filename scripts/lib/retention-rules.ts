// Each service's retention rules as its process runs them (services/kit/server.ts: the service's own
// from its definition, then the kit's), for npm run retention, which opens the databases without
// starting the services. A service with rules of its own is named here as in its index.ts.
import type { ServiceName } from "../../services/kit/catalog.ts";
import { kitRetentionRules } from "../../services/kit/retention/kit-rules.ts";
import type { RetentionRule } from "../../services/kit/retention/rule.ts";
import { SAMHANDLING_RETENTION_RULES } from "../../services/samhandling/retention.ts";

const OWN_RULES: Partial<Record<ServiceName, readonly RetentionRule[]>> = { samhandling: SAMHANDLING_RETENTION_RULES };

export function retentionRulesOf(service: ServiceName): RetentionRule[] {
  return [...(OWN_RULES[service] ?? []), ...kitRetentionRules(service)];
}
