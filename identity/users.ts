// The people who can sign in at the development provider, taken from the
// demo: its users (demo/users.ts) and everyone in its population register —
// with synthetic families (SEED_SYNTHETIC_FAMILIES, as the subgraphs seed
// them) their people and the synthetic staff too, so tests sign in as anyone
// the hub holds, through the provider, as production would. This is the only
// module in identity/ that imports the demo data, so when that moves, one
// import changes.
import { createHash } from "node:crypto";
import type { ActorService } from "../services/kit/auth/caller.ts";
import { DEMO_TODAY, demoPersons } from "../demo/fjordvik.ts";
import { demoWorld } from "../demo/index.ts";
import { syntheticStaff, syntheticUnit } from "../demo/synthetic.ts";
import { demoUsers } from "../demo/users.ts";

/** An employee of a service, or an auditor of one; signs in as at the municipality's Entra ID. */
export interface StaffAccount {
  kind: "employee" | "auditor";
  /** The hub's actor id (e.g. "nav-veileder-1"); also the token's `sub` and `oid`. */
  accountId: string;
  /** The names `npm run token -- <user>` knows this person by (actor id, `coordinator`, `nav-auditor`, …). */
  keys: string[];
  name: string;
  service: ActorService;
  /** The unit they work in; null for auditors and directory administrators, who act for a whole service. */
  unit: string | null;
  title: string;
  /** The hub's roles: "caseworker", "auditor" or "admin" (keeps the service's employee directory). */
  roles: string[];
  /** Shown on the sign-in page (the demo's people); synthetic ones sign in by key only. */
  listed: boolean;
}

/** A member of the public in the demo's population register; signs in as at ID-porten. */
export interface CitizenAccount {
  kind: "citizen";
  /** An opaque pseudonym of the national id, as ID-porten's `sub`: never the number itself. */
  accountId: string;
  keys: string[];
  name: string;
  /** Fødselsnummer (synthetic). */
  nationalId: string;
  /** The registry's person id (the hub's `personId`), for tests; never put in a token. */
  personId: string;
  age: number;
  familyName: string;
  listed: boolean;
}

export type Account = StaffAccount | CitizenAccount;

/** Which people the provider knows: the demo's, plus the synthetic families the subgraphs seed. */
export interface DirectoryOptions {
  syntheticFamilies: number;
  syntheticSeed: number;
}

/** The unit synthetic staff of a service sign in with (one group per service in the development tenant), as the demo seeds them. */
export { syntheticUnit };

function pseudonym(nationalId: string): string {
  return createHash("sha256").update(`samhandling-dev-idporten|${nationalId}`).digest("base64url");
}

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function demoStaffAccounts(): StaffAccount[] {
  const byId = new Map<string, StaffAccount>();
  for (const user of demoUsers()) {
    const { sub, name, service, roles, unit } = user.claims;
    if (service === "citizen") continue;
    const known = byId.get(sub);
    if (known) {
      known.keys.push(user.key);
      continue;
    }
    const auditor = roles.includes("auditor");
    // The sign-in page's buttons send the account id; an auditor's key (`nav-auditor`) is not it, so both are keys.
    byId.set(sub, { kind: auditor ? "auditor" : "employee", accountId: sub, keys: [...new Set([sub, user.key])], name, service, unit: unit ?? null, title: user.title ?? "", roles: [...roles], listed: true });
  }
  return [...byId.values()];
}

function syntheticStaffAccounts(): StaffAccount[] {
  return syntheticStaff().map(({ actorId, service, name }) => ({
    kind: "employee" as const,
    accountId: actorId,
    keys: [actorId],
    name,
    service: service as ActorService,
    unit: syntheticUnit(service),
    title: "ansatt",
    roles: ["caseworker"],
    listed: false,
  }));
}

const isoDay = (value: Date | string): string => (typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10));

function citizenAccounts(options: DirectoryOptions): CitizenAccount[] {
  const aliases = new Map<string, string[]>();
  for (const user of demoUsers()) {
    const personId = user.claims.personId;
    if (user.claims.service === "citizen" && personId) aliases.set(personId, [...(aliases.get(personId) ?? []), user.key]);
  }
  const listed = new Set(demoPersons.map((p) => p.personId));
  const { registry } = demoWorld(options);
  const familyName = new Map(registry.family.map((f) => [f.id, f.name]));
  const householdOf = new Map(registry.familyMember.map((m) => [m.personId, familyName.get(m.familyId)]));
  return registry.person.map((p) => ({
    kind: "citizen" as const,
    accountId: pseudonym(p.nationalId),
    // The person id too: tests know people by it (never a way in for anyone but a developer at this provider).
    keys: [p.nationalId, p.id, ...(aliases.get(p.id) ?? [])],
    name: `${p.givenName} ${p.familyName}`,
    nationalId: p.nationalId,
    personId: p.id,
    age: ageOn(isoDay(p.birthDate), DEMO_TODAY),
    familyName: householdOf.get(p.id) ?? p.familyName,
    listed: listed.has(p.id),
  }));
}

/** Everyone who can sign in, looked up by account id (`sub`) or by a sign-in key. */
export class Directory {
  readonly accounts: readonly Account[];
  private readonly idIndex: Map<string, Account>;
  private readonly keyIndex: Map<string, Account>;

  constructor(accounts: Account[]) {
    this.accounts = accounts;
    this.idIndex = new Map(accounts.map((a) => [a.accountId, a]));
    this.keyIndex = new Map(accounts.flatMap((a) => a.keys.map((k) => [k, a] as const)));
  }

  byAccountId(id: string): Account | undefined {
    return this.idIndex.get(id);
  }

  /** By actor id, alias (`coordinator`, `citizen`, `emma`, `nav-auditor`), a citizen's national id or person id. */
  byKey(key: string): Account | undefined {
    return this.keyIndex.get(key);
  }
}

export function demoDirectory(options: DirectoryOptions = { syntheticFamilies: 0, syntheticSeed: 1 }): Directory {
  const staff = options.syntheticFamilies > 0 ? [...demoStaffAccounts(), ...syntheticStaffAccounts()] : demoStaffAccounts();
  return new Directory([...staff, ...citizenAccounts(options)]);
}
