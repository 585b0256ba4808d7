// The proposed claim-mapping file: how the gateway turns a token from a
// trusted issuer into the hub's own claims (service, roles, unit, personId).
// This module defines the format and writes the development file,
// deploy/identity-mapping.dev.json, from the demo's people; the gateway's
// mapper that reads it is the second half of the sign-in issue. README.md in
// this folder explains each part.
import { ACR_LEVELS, APP_ROLES, HUB_AUDIENCE, PERSON_SCOPE, groupOf } from "./claims.ts";
import { MACHINE_CLIENTS } from "./clients.ts";
import type { Directory, StaffAccount } from "./users.ts";

/** Citizens, ID-porten style: the national id names a person in the population register. */
export interface CitizenRule {
  /** The claim whose presence marks a citizen's token. */
  when: string;
  /** The claim holding the national id; the gateway looks the person up in the registry (logged) for personId and name. */
  nationalId: string;
  /** The claim holding the level of assurance, and the levels accepted at all. */
  acr: string;
  accepted: string[];
  /** The levels that count as high: giving or withdrawing a consent requires one. */
  high: string[];
}

/** A group (Entra ID object id) that places an employee in a service and, for a unit's group, a unit. */
export interface GroupRule {
  displayName: string;
  service: string;
  unit: string | null;
}

/** Employees, Entra ID style: a stable object id, a name, app roles and security groups. */
export interface EmployeeRule {
  when: string;
  /** The claim holding the actor id (Entra's `oid`). */
  actorId: string;
  name: string;
  /** App role value → hub role; roles not listed are ignored. */
  roles: { claim: string; values: Record<string, string> };
  /** Group id → service and unit. A token must name groups of exactly one service, or it is refused. */
  groups: { claim: string; values: Record<string, GroupRule> };
}

/** Machines, Maskinporten style: a client with scopes, on behalf of an organisation. */
export interface MachineRule {
  when: string;
  clientId: string;
  /** Scope → the service whose own data that scope writes; a token gets the services of its scopes, nothing more. */
  scopes: Record<string, { service: string }>;
}

export interface TrustedIssuer {
  description: string;
  /** The `iss` to accept. `${NAME}` is read from the environment. */
  issuer: string;
  /** Its discovery document (keys from its jwks_uri); default: <issuer>/.well-known/openid-configuration. */
  discovery?: string;
  citizens?: CitizenRule;
  employees?: EmployeeRule;
  machines?: MachineRule;
}

export interface IdentityMapping {
  /** Every accepted token's `aud`. */
  audience: string;
  /** Tokens from any other issuer, for another audience, expired or signed with an unknown key: 401 UNAUTHENTICATED. */
  issuers: TrustedIssuer[];
}

function groupRules(staff: StaffAccount[]): Record<string, GroupRule> {
  const rules: Record<string, GroupRule> = {};
  for (const account of staff) {
    const { id, displayName, service, unit } = groupOf(account);
    rules[id] = { displayName, service, unit };
  }
  return Object.fromEntries(Object.entries(rules).sort(([, a], [, b]) => a.service.localeCompare(b.service) || a.displayName.localeCompare(b.displayName)));
}

/** The development provider's mapping: one issuer issuing all three kinds of token. */
export function devMapping(directory: Directory): IdentityMapping {
  const staff = directory.accounts.filter((a): a is StaffAccount => a.kind !== "citizen");
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
          groups: { claim: "groups", values: groupRules(staff) },
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
