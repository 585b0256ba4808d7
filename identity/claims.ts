// What the development provider's tokens say, shaped like the providers a
// municipality runs in production, so the gateway's claim mapping (README.md
// in this folder, deploy/identity-mapping.dev.json) meets the same shapes in
// development: employees as Entra ID issues them, citizens as ID-porten,
// machines as Maskinporten.
import { createHash } from "node:crypto";
import type { CitizenAccount, StaffAccount } from "./users.ts";

/** The hub's audience: every access token's `aud` (the development identity mapping names it). */
export const HUB_AUDIENCE = "samhandling-hub";
/** The resource indicator (RFC 8707) clients ask for, or get by default; resolves to HUB_AUDIENCE. */
export const HUB_RESOURCE = "urn:samhandling-hub";
/** The scope of a person acting through an app (web app, `npm run token`). */
export const PERSON_SCOPE = "hub";
/** The scope a service's own systems write with: `nav:write`, … */
export const writeScope = (service: string): string => `${service}:write`;

/** ID-porten's levels of assurance, lowest first; the citizen chooses one at sign-in. */
export const ACR_LEVELS = ["idporten-loa-substantial", "idporten-loa-high"] as const;
export type AcrLevel = (typeof ACR_LEVELS)[number];
export const isAcrLevel = (value: unknown): value is AcrLevel => (ACR_LEVELS as readonly unknown[]).includes(value);
/** ID-porten's method for test identities in its test environments; these are test identities too. */
export const CITIZEN_AMR = ["TestID"];

/** App role values as an Entra ID app registration would define them, by hub role. */
export const APP_ROLES: Readonly<Record<string, string>> = { caseworker: "Samhandling.Saksbehandler", auditor: "Samhandling.Revisor", admin: "Samhandling.Administrator" };

/** A GUID-shaped id (RFC 4122 version 5 layout) that is the same on every run for the same name. */
export function stableGuid(name: string): string {
  const b = createHash("sha1").update(`samhandling-dev-entra|${name}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The development tenant (Entra ID's `tid`). */
export const DEV_TENANT_ID = stableGuid("tenant|fjordvik");

/** A security group in the development tenant: one per unit of a service, one per service's auditors, one per service's directory administrators. */
export interface DevGroup {
  id: string;
  displayName: string;
  service: string;
  unit: string | null;
}

/** The group of a unit of a service, or with no unit `withoutUnit`: its auditors' (the default) or its directory administrators'. */
export function groupFor(service: string, unit: string | null, withoutUnit = `Revisjon ${service}`): DevGroup {
  const displayName = unit ?? withoutUnit;
  return { id: stableGuid(`group|${service}|${displayName}`), displayName, service, unit };
}

export function groupOf(account: StaffAccount): DevGroup {
  return groupFor(account.service, account.unit, account.kind === "auditor" ? `Revisjon ${account.service}` : `Administrasjon ${account.service}`);
}

/** Employee and auditor claims, as in an Entra ID v2 token: object id, name, app roles and group ids. */
export function staffClaims(account: StaffAccount): { oid: string; name: string; roles: string[]; groups: string[]; tid: string } {
  return {
    oid: account.accountId,
    name: account.name,
    roles: account.roles.map((role) => APP_ROLES[role] ?? role),
    groups: [groupOf(account).id],
    tid: DEV_TENANT_ID,
  };
}

/** Citizen claims, as ID-porten issues them: the national id; no name (ID-porten has none to give). */
export function citizenClaims(account: CitizenAccount): { pid: string } {
  return { pid: account.nationalId };
}

/** A machine client's claims, as Maskinporten's: the consuming organisation and how the client authenticated. */
export function machineClaims(consumerOrgNumber: string): { consumer: { authority: string; ID: string }; client_amr: string } {
  return { consumer: { authority: "iso6523-actorid-upis", ID: `0192:${consumerOrgNumber}` }, client_amr: "client_secret_basic" };
}
