// The development provider's identity mapping (deploy/identity-mapping.dev.json):
// how the gateway turns this provider's tokens into the hub's claims. The
// format is the gateway's (gateway/identity/mapping.ts, docs/sign-in.md);
// this module writes the development file from the demo's people, so the
// groups the provider puts in tokens and the groups the gateway knows are one.
import type { IdentityMapping } from "../gateway/identity/mapping.ts";
import { VIEW_SERVICES } from "../services/kit/catalog.ts";
import { ACR_LEVELS, APP_ROLES, groupFor, groupOf, HUB_AUDIENCE, PERSON_SCOPE, type DevGroup } from "./claims.ts";
import { MACHINE_CLIENTS } from "./clients.ts";
import { syntheticUnit, type Directory, type StaffAccount } from "./users.ts";

function groupRules(groups: DevGroup[]): Record<string, { displayName: string; service: string; unit: string | null }> {
  const sorted = [...new Map(groups.map((g) => [g.id, g])).values()].sort((a, b) => a.service.localeCompare(b.service) || a.displayName.localeCompare(b.displayName));
  return Object.fromEntries(sorted.map(({ id, displayName, service, unit }) => [id, { displayName, service, unit }]));
}

/** The development provider's mapping: one issuer issuing all three kinds of token. */
export function devMapping(directory: Directory): IdentityMapping {
  const staff = directory.accounts.filter((a): a is StaffAccount => a.kind !== "citizen" && a.listed);
  // Synthetic staff (tests, benchmarks) have one group per service, whether or not this directory holds them.
  const synthetic = [...VIEW_SERVICES, "samhandling"].map((service) => groupFor(service, syntheticUnit(service)));
  return {
    audience: HUB_AUDIENCE,
    issuers: [
      {
        description: `The embedded development provider (npm run identity): citizens as ID-porten, employees as Entra ID, machines as Maskinporten. People's tokens carry scope "${PERSON_SCOPE}".`,
        issuer: "${IDENTITY_ISSUER}",
        citizens: { when: "pid", nationalId: "pid", acr: "acr", accepted: [...ACR_LEVELS], high: ["idporten-loa-high"] },
        employees: {
          when: "oid",
          actorId: "oid",
          name: "name",
          roles: { claim: "roles", values: Object.fromEntries(Object.entries(APP_ROLES).map(([hub, app]) => [app, hub])) },
          groups: { claim: "groups", values: groupRules([...staff.map(groupOf), ...synthetic]) },
        },
        machines: {
          when: "consumer",
          clientId: "client_id",
          scopes: Object.fromEntries(MACHINE_CLIENTS.map((c) => [c.scope, { service: c.service }])),
        },
      },
    ],
  };
}

export const DEV_MAPPING_FILE = "deploy/identity-mapping.dev.json";

export const renderMapping = (mapping: IdentityMapping): string => `${JSON.stringify(mapping, null, 2)}\n`;
