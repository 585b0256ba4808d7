// The identity mapping: which issuers the gateway trusts and how a token from
// each becomes the hub's own claims (services/kit/auth/caller.ts). A JSON
// file (IDENTITY_MAPPING_PATH; docs/sign-in.md explains it, deploy/ has
// examples for ID-porten, Entra ID and Maskinporten), read and checked once
// at start-up: every fault is named with where it is, and the gateway does
// not start until the file is right.
import fs from "node:fs";
import { ACTOR_SERVICES, EMPLOYEE_ROLES, type ActorService } from "../../services/kit/auth/caller.ts";
import { MACHINE_SERVICES, type MachineService } from "../../services/kit/catalog.ts";

/** Citizens, ID-porten style: the national id names a person in the population register. */
export interface CitizenRule {
  /** The claim whose presence marks a citizen's token. */
  when: string;
  /** The claim holding the national id; the gateway looks the person up in the registry (logged there) for personId and name. */
  nationalId: string;
  /** The claim holding the level of assurance, and the levels accepted at all. */
  acr: string;
  accepted: string[];
  /** The levels that count as high: giving or withdrawing a consent requires one. */
  high: string[];
}

/** What a group or an app role gives an employee: a service, a unit, hub roles. */
export interface Grant {
  /** For people reading the file (Entra's group ids are GUIDs). */
  displayName?: string;
  service?: string;
  unit?: string | null;
  roles?: string[];
}

/** Employees, Entra ID style: a stable object id, a name, app roles and security groups. */
export interface EmployeeRule {
  when: string;
  /** The claim holding the actor id (Entra's `oid`). */
  actorId: string;
  /** The claim holding the display name (the actor id stands in when the token has none). */
  name: string;
  /** App role value → a hub role (or a grant); values not listed are ignored. */
  roles?: { claim: string; values: Record<string, string | Grant> };
  /** Group id → a grant. Groups not listed are ignored. */
  groups?: { claim: string; values: Record<string, Grant> };
}

/** Machines, Maskinporten style: a client with scopes, on behalf of an organisation. */
export interface MachineRule {
  when: string;
  clientId: string;
  /** The claim holding the granted scopes (space-separated, or a list); default `scope`. */
  scope?: string;
  /** Scope → the service whose own data that scope writes. A token must name the scopes of exactly one service. */
  scopes: Record<string, { service: string }>;
}

export interface TrustedIssuer {
  description?: string;
  /** The `iss` to accept. `${NAME}` is read from the environment. */
  issuer: string;
  /** Its discovery document (keys from its jwks_uri); default: <issuer>/.well-known/openid-configuration. */
  discovery?: string;
  /** The `aud` its tokens must carry, when not the file's `audience`. */
  audience?: string;
  citizens?: CitizenRule;
  employees?: EmployeeRule;
  machines?: MachineRule;
}

export interface IdentityMapping {
  /** Every accepted token's `aud` (unless its issuer says otherwise). */
  audience: string;
  /** Tokens from any other issuer, for another audience, expired or signed with an unknown key: 401 UNAUTHENTICATED. */
  issuers: TrustedIssuer[];
}

/** A checked grant: the service as the hub names it. */
export interface CheckedGrant {
  service?: ActorService;
  unit?: string | null;
  roles: string[];
}

/** The mapping as the gateway uses it: variables filled in, grants normalised, services typed. */
export interface CheckedIssuer {
  description: string;
  issuer: string;
  discovery: string;
  audience: string;
  citizens?: CitizenRule;
  employees?: { when: string; actorId: string; name: string; roles?: { claim: string; values: Map<string, CheckedGrant> }; groups?: { claim: string; values: Map<string, CheckedGrant> } };
  machines?: { when: string; clientId: string; scope: string; scopes: Map<string, MachineService> };
}

export class IdentityMappingError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`The identity mapping ${file} cannot be used: ${problems.join(" ")} (docs/sign-in.md describes the file.)`);
    this.name = "IdentityMappingError";
  }
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const STAFF_SERVICES = ACTOR_SERVICES.filter((s) => s !== "citizen");

/** Reads one JSON document with a path for every message, collecting every fault. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly variables: (name: string) => string | undefined) {}

  fault(at: string, message: string): void {
    this.problems.push(`${at}: ${message}.`);
  }

  object(value: Json, at: string, known: readonly string[], required: readonly string[] = []): Record<string, Json> | null {
    if (!isObject(value)) {
      this.fault(at, "must be an object");
      return null;
    }
    for (const key of Object.keys(value)) if (!known.includes(key)) this.fault(`${at}.${key}`, `is not a field here (known: ${known.join(", ")})`);
    for (const key of required) if (!(key in value)) this.fault(`${at}.${key}`, "is missing");
    return value;
  }

  /** A non-empty string, with `${NAME}` filled in from the environment. */
  text(value: Json, at: string): string | null {
    if (typeof value !== "string" || value.trim() === "") {
      this.fault(at, "must be a non-empty string");
      return null;
    }
    let missing = false;
    const filled = value.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
      const given = this.variables(name);
      if (given === undefined || given === "") {
        this.fault(at, `names the variable \${${name}}, which is not set`);
        missing = true;
        return "";
      }
      return given;
    });
    return missing ? null : filled;
  }

  optionalText(value: Json, at: string): string | undefined {
    return value === undefined ? undefined : (this.text(value, at) ?? undefined);
  }

  url(value: Json, at: string): string | null {
    const text = this.text(value, at);
    if (text === null) return null;
    const parsed = URL.parse(text);
    if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
      this.fault(at, `must be an http(s) URL, got "${text}"`);
      return null;
    }
    return text;
  }

  texts(value: Json, at: string, { nonEmpty = false } = {}): string[] {
    if (!Array.isArray(value) || (nonEmpty && value.length === 0)) {
      this.fault(at, nonEmpty ? "must be a non-empty list of strings" : "must be a list of strings");
      return [];
    }
    return value.flatMap((v, i) => this.text(v, `${at}[${i}]`) ?? []);
  }
}

function grantOf(r: Reader, value: Json, at: string): CheckedGrant | null {
  if (typeof value === "string") {
    if (!EMPLOYEE_ROLES.includes(value)) r.fault(at, `"${value}" is not a role the hub gives employees (${EMPLOYEE_ROLES.join(", ")})`);
    return { roles: [value] };
  }
  const g = r.object(value, at, ["displayName", "service", "unit", "roles"]);
  if (!g) return null;
  if (g.displayName !== undefined) r.text(g.displayName, `${at}.displayName`);
  const grant: CheckedGrant = { roles: [] };
  const faults = r.problems.length;
  if (g.service !== undefined) {
    const service = r.text(g.service, `${at}.service`);
    if (service !== null && !(STAFF_SERVICES as readonly string[]).includes(service)) r.fault(`${at}.service`, `"${service}" is not a service (one of ${STAFF_SERVICES.join(", ")})`);
    else if (service !== null) grant.service = service as ActorService;
  }
  if (g.unit !== undefined && g.unit !== null) grant.unit = r.text(g.unit, `${at}.unit`);
  if (g.roles !== undefined) {
    grant.roles = r.texts(g.roles, `${at}.roles`);
    for (const role of grant.roles) if (!EMPLOYEE_ROLES.includes(role)) r.fault(`${at}.roles`, `"${role}" is not a role the hub gives employees (${EMPLOYEE_ROLES.join(", ")})`);
  }
  // Only when nothing in it was wrong already: one fault, one message.
  if (r.problems.length === faults && grant.service === undefined && grant.roles.length === 0) r.fault(at, "gives neither a service nor a role");
  return grant;
}

function grantTable(r: Reader, value: Json, at: string): { claim: string; values: Map<string, CheckedGrant> } | undefined {
  const t = r.object(value, at, ["claim", "values"], ["claim", "values"]);
  if (!t) return undefined;
  const claim = r.text(t.claim, `${at}.claim`) ?? "";
  const values = new Map<string, CheckedGrant>();
  if (!isObject(t.values) || Object.keys(t.values).length === 0) r.fault(`${at}.values`, "must be an object with at least one entry");
  else for (const [key, grant] of Object.entries(t.values)) {
    const checked = grantOf(r, grant, `${at}.values["${key}"]`);
    if (checked) values.set(key, checked);
  }
  return { claim, values };
}

function citizensOf(r: Reader, value: Json, at: string): CitizenRule | undefined {
  const c = r.object(value, at, ["when", "nationalId", "acr", "accepted", "high"], ["when", "nationalId", "acr", "accepted", "high"]);
  if (!c) return undefined;
  const accepted = r.texts(c.accepted, `${at}.accepted`, { nonEmpty: true });
  const high = r.texts(c.high, `${at}.high`);
  for (const level of high) if (!accepted.includes(level)) r.fault(`${at}.high`, `"${level}" is not among the accepted levels`);
  return { when: r.text(c.when, `${at}.when`) ?? "", nationalId: r.text(c.nationalId, `${at}.nationalId`) ?? "", acr: r.text(c.acr, `${at}.acr`) ?? "", accepted, high };
}

function employeesOf(r: Reader, value: Json, at: string): CheckedIssuer["employees"] {
  const e = r.object(value, at, ["when", "actorId", "name", "roles", "groups"], ["when", "actorId", "name"]);
  if (!e) return undefined;
  if (e.roles === undefined && e.groups === undefined) r.fault(at, "needs `groups` or `roles` (or both): they say which service an employee works for");
  const faults = r.problems.length;
  const roles = e.roles === undefined ? undefined : grantTable(r, e.roles, `${at}.roles`);
  const groups = e.groups === undefined ? undefined : grantTable(r, e.groups, `${at}.groups`);
  const services = [...(roles?.values.values() ?? []), ...(groups?.values.values() ?? [])].filter((g) => g.service);
  if (r.problems.length === faults && services.length === 0 && (roles || groups)) r.fault(at, "no group or role gives a service, so no employee could sign in");
  return { when: r.text(e.when, `${at}.when`) ?? "", actorId: r.text(e.actorId, `${at}.actorId`) ?? "", name: r.text(e.name, `${at}.name`) ?? "", roles, groups };
}

function machinesOf(r: Reader, value: Json, at: string): CheckedIssuer["machines"] {
  const m = r.object(value, at, ["when", "clientId", "scope", "scopes"], ["when", "clientId", "scopes"]);
  if (!m) return undefined;
  const scopes = new Map<string, MachineService>();
  if (!isObject(m.scopes) || Object.keys(m.scopes).length === 0) r.fault(`${at}.scopes`, "must be an object with at least one scope");
  else for (const [scope, rule] of Object.entries(m.scopes)) {
    const s = r.object(rule, `${at}.scopes["${scope}"]`, ["service"], ["service"]);
    const service = s ? r.text(s.service, `${at}.scopes["${scope}"].service`) : null;
    if (service === null) continue;
    if (!(MACHINE_SERVICES as readonly string[]).includes(service)) r.fault(`${at}.scopes["${scope}"].service`, `"${service}" is not a service with a machine client (one of ${MACHINE_SERVICES.join(", ")})`);
    else scopes.set(scope, service as MachineService);
  }
  return { when: r.text(m.when, `${at}.when`) ?? "", clientId: r.text(m.clientId, `${at}.clientId`) ?? "", scope: r.optionalText(m.scope, `${at}.scope`) ?? "scope", scopes };
}

function issuerOf(r: Reader, value: Json, at: string, audience: string): CheckedIssuer | null {
  const i = r.object(value, at, ["description", "issuer", "discovery", "audience", "citizens", "employees", "machines"], ["issuer"]);
  if (!i) return null;
  const issuer = r.url(i.issuer, `${at}.issuer`);
  const discovery = i.discovery === undefined ? null : r.url(i.discovery, `${at}.discovery`);
  const checked: CheckedIssuer = {
    description: r.optionalText(i.description, `${at}.description`) ?? issuer ?? "",
    issuer: issuer ?? "",
    discovery: discovery ?? `${(issuer ?? "").replace(/\/$/, "")}/.well-known/openid-configuration`,
    audience: r.optionalText(i.audience, `${at}.audience`) ?? audience,
    citizens: i.citizens === undefined ? undefined : citizensOf(r, i.citizens, `${at}.citizens`),
    employees: i.employees === undefined ? undefined : employeesOf(r, i.employees, `${at}.employees`),
    machines: i.machines === undefined ? undefined : machinesOf(r, i.machines, `${at}.machines`),
  };
  if (!checked.citizens && !checked.employees && !checked.machines) r.fault(at, "maps no kind of token: give it `citizens`, `employees` or `machines`");
  const whens = [checked.citizens?.when, checked.employees?.when, checked.machines?.when].filter((w): w is string => w !== undefined);
  if (new Set(whens).size < whens.length) r.fault(at, "two sections share one `when` claim, so a token could not say which kind it is");
  return checked;
}

/** Checks a mapping document; `variables` fills in `${NAME}`. Throws IdentityMappingError naming every fault. */
export function checkIdentityMapping(document: Json, file: string, variables: (name: string) => string | undefined): CheckedIssuer[] {
  const r = new Reader(variables);
  const top = r.object(document, "(top)", ["$comment", "audience", "issuers"], ["audience", "issuers"]);
  const audience = top ? (r.text(top.audience, "audience") ?? "") : "";
  const issuers: CheckedIssuer[] = [];
  const listed = top?.issuers;
  if (top && (!Array.isArray(listed) || listed.length === 0)) r.fault("issuers", "must be a non-empty list: the gateway would trust no one");
  else if (Array.isArray(listed)) listed.forEach((value: Json, n: number) => {
    const checked = issuerOf(r, value, `issuers[${n}]`, audience);
    if (checked) issuers.push(checked);
  });
  const names = issuers.map((i) => i.issuer);
  names.forEach((name, n) => {
    if (name && names.indexOf(name) !== n) r.fault(`issuers[${n}].issuer`, `"${name}" is listed twice`);
  });
  if (r.problems.length > 0) throw new IdentityMappingError(file, r.problems);
  return issuers;
}

/** Reads and checks the mapping file. */
export function loadIdentityMapping(file: string, variables: (name: string) => string | undefined): CheckedIssuer[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new IdentityMappingError(file, [`it cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); set IDENTITY_MAPPING_PATH to the file.`]);
  }
  let document: Json;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new IdentityMappingError(file, [`it is not valid JSON (${(error as Error).message}).`]);
  }
  return checkIdentityMapping(document, file, variables);
}
