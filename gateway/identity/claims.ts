// From a verified token's claims to the hub's own (services/kit/auth/caller.ts),
// by the rules of its issuer's entry in the identity mapping. The section
// whose `when` claim the token carries decides what kind of caller it is;
// anything the rules cannot place is refused with a message that says why.
import type { JWTPayload } from "jose";
import { CITIZEN_ROLE, INTEGRATION_ROLE, type ActorService, type HubClaims } from "../../services/kit/auth/caller.ts";
import type { MachineService } from "../../services/kit/catalog.ts";
import type { CheckedGrant, CheckedIssuer } from "./mapping.ts";

/** The token is valid but names no one the hub can accept: 401. */
export class SignInRefused extends Error {
  constructor(
    /** A short, log-safe reason ("expired", "audience", "kind", …). */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "SignInRefused";
  }
}

/** The person a citizen's national id names in the population register. */
export interface RegisteredPerson {
  personId: string;
  name: string;
}

export interface CitizenDirectory {
  /** The person, or null when none has this national id; throws when the register cannot be asked. */
  find(nationalId: string): Promise<RegisteredPerson | null>;
}

const NATIONAL_ID = /^\d{11}$/;

const present = (payload: JWTPayload, claim: string) => payload[claim] !== undefined && payload[claim] !== null;
const textClaim = (payload: JWTPayload, claim: string): string | null => {
  const value = payload[claim];
  return typeof value === "string" && value !== "" ? value : null;
};
/** A list claim, or a space-separated one (OAuth's `scope`). */
const listClaim = (payload: JWTPayload, claim: string): string[] => {
  const value = payload[claim];
  if (typeof value === "string") return value.split(" ").filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

async function citizen(rule: NonNullable<CheckedIssuer["citizens"]>, payload: JWTPayload, directory: CitizenDirectory): Promise<HubClaims> {
  const nationalId = textClaim(payload, rule.nationalId);
  if (!nationalId || !NATIONAL_ID.test(nationalId)) throw new SignInRefused("national-id", "The sign-in carries no valid national identity number.");
  const acr = textClaim(payload, rule.acr);
  if (!acr || !rule.accepted.includes(acr)) {
    throw new SignInRefused("acr", `The sign-in's level of assurance is not one the hub accepts (${rule.accepted.join(", ")}). Sign in again at one of them.`);
  }
  const person = await directory.find(nationalId);
  if (!person) throw new SignInRefused("unregistered", "No person with the national identity number of this sign-in is in the population register the hub uses.");
  return {
    sub: `citizen-${person.personId}`,
    name: person.name,
    service: "citizen",
    roles: [CITIZEN_ROLE],
    personId: person.personId,
    assurance: rule.high.includes(acr) ? "high" : "substantial",
  };
}

function employee(rule: NonNullable<CheckedIssuer["employees"]>, payload: JWTPayload): HubClaims {
  const actorId = textClaim(payload, rule.actorId);
  if (!actorId) throw new SignInRefused("actor-id", `The sign-in carries no ${rule.actorId} claim to know the employee by.`);
  const grants: CheckedGrant[] = [];
  // Groups first: a unit usually comes from the unit's group.
  for (const table of [rule.groups, rule.roles]) {
    if (!table) continue;
    for (const value of listClaim(payload, table.claim)) {
      const grant = table.values.get(value);
      if (grant) grants.push(grant);
    }
  }
  const services = [...new Set(grants.map((g) => g.service).filter((s): s is ActorService => s !== undefined))];
  if (services.length === 0) {
    throw new SignInRefused("no-service", "Your sign-in names no group or app role that gives access to the hub. Ask your administrator for access.");
  }
  if (services.length > 1) {
    throw new SignInRefused("several-services", `Your sign-in names groups or roles of several services (${services.sort().join(", ")}); the hub needs exactly one. Ask your administrator.`);
  }
  const unit = grants.find((g) => g.unit)?.unit;
  return {
    sub: actorId,
    name: textClaim(payload, rule.name) ?? actorId,
    service: services[0]!,
    roles: [...new Set(grants.flatMap((g) => g.roles))],
    ...(unit ? { unit } : {}),
  };
}

function machine(rule: NonNullable<CheckedIssuer["machines"]>, payload: JWTPayload): HubClaims {
  const clientId = textClaim(payload, rule.clientId);
  if (!clientId) throw new SignInRefused("client-id", `The token carries no ${rule.clientId} claim to know the client by.`);
  const scopes = listClaim(payload, rule.scope).filter((s) => rule.scopes.has(s));
  const services = [...new Set(scopes.map((s) => rule.scopes.get(s)!))] as MachineService[];
  if (services.length !== 1) {
    throw new SignInRefused(
      services.length === 0 ? "no-scope" : "several-scopes",
      services.length === 0
        ? "The token has no scope the hub knows. Ask for one service's scope (e.g. nav:write)."
        : `The token has scopes of several services (${services.sort().join(", ")}); a machine client acts for exactly one.`,
    );
  }
  return { sub: clientId, name: clientId, service: services[0]!, roles: [INTEGRATION_ROLE], scopes };
}

/** The hub's claims for a token its issuer has signed; throws SignInRefused when the rules cannot place it. */
export function hubClaimsOf(issuer: CheckedIssuer, payload: JWTPayload, directory: CitizenDirectory): Promise<HubClaims> | HubClaims {
  const kinds = (["citizens", "employees", "machines"] as const).filter((kind) => issuer[kind] && present(payload, issuer[kind]!.when));
  if (kinds.length !== 1) {
    throw new SignInRefused("kind", kinds.length === 0 ? "The token is not one the hub can use: it is neither a person's nor a service system's sign-in." : "The token fits more than one kind of sign-in, so the hub cannot tell who it is.");
  }
  switch (kinds[0]) {
    case "citizens":
      return citizen(issuer.citizens!, payload, directory);
    case "employees":
      return employee(issuer.employees!, payload);
    default:
      return machine(issuer.machines!, payload);
  }
}
