// The people who can sign in at the development provider, taken from the
// demo. This is the only module in identity/ that imports the demo data, so
// when that moves, one import changes.
import { createHash } from "node:crypto";
import type { ActorService } from "../services/kit/auth/caller.ts";
import { DEMO_TODAY, demoPersons, demoStaff } from "../demo/fjordvik.ts";
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
  /** The unit they work in; null for auditors, who audit a whole service. */
  unit: string | null;
  title: string;
  /** The hub's roles: "caseworker", "auditor" or "admin" (keeps the service's employee directory). */
  roles: string[];
}

/** A member of the public in the demo's population register; signs in as at ID-porten. */
export interface CitizenAccount {
  kind: "citizen";
  /** An opaque pseudonym of the national id, as ID-porten's `sub`: never the number itself. */
  accountId: string;
  keys: string[];
  name: string;
  /** Fødselsnummer (synthetic: month + 80). */
  nationalId: string;
  /** The registry's person id (the hub's `personId`), for tests; never put in a token. */
  personId: string;
  age: number;
  familyName: string;
}

export type Account = StaffAccount | CitizenAccount;

/** The demo's well-known citizens (`npm run token -- citizen`), by registry person id. */
function citizenAliases(): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  for (const user of demoUsers()) {
    if (user.claims.service !== "citizen" || !user.claims.personId) continue;
    aliases.set(user.claims.personId, [...(aliases.get(user.claims.personId) ?? []), user.key]);
  }
  return aliases;
}

function pseudonym(nationalId: string): string {
  return createHash("sha256").update(`samhandling-dev-idporten|${nationalId}`).digest("base64url");
}

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function staffAccounts(): StaffAccount[] {
  const byId = new Map<string, StaffAccount>();
  for (const user of demoUsers()) {
    const { sub, name, service, roles } = user.claims;
    if (service === "citizen") continue;
    const known = byId.get(sub);
    if (known) {
      known.keys.push(user.key);
      continue;
    }
    const staff = demoStaff[sub];
    const auditor = roles.includes("auditor");
    byId.set(sub, {
      kind: auditor ? "auditor" : "employee",
      accountId: sub,
      keys: [user.key],
      name,
      service,
      unit: staff?.unit ?? null,
      title: staff?.title ?? (auditor ? "revisor" : roles.includes("admin") ? "administrator" : ""),
      roles: [...roles],
    });
  }
  return [...byId.values()];
}

function citizenAccounts(): CitizenAccount[] {
  const aliases = citizenAliases();
  return demoPersons.map((p) => ({
    kind: "citizen" as const,
    accountId: pseudonym(p.nationalId),
    keys: [p.nationalId, ...(aliases.get(p.personId) ?? [])],
    name: `${p.givenName} ${p.familyName}`,
    nationalId: p.nationalId,
    personId: p.personId,
    age: ageOn(p.birthDate, DEMO_TODAY),
    familyName: p.familyName,
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

  /** By actor id, alias (`coordinator`, `citizen`, `emma`, `nav-auditor`) or a citizen's national id. */
  byKey(key: string): Account | undefined {
    return this.keyIndex.get(key);
  }
}

export function demoDirectory(): Directory {
  return new Directory([...staffAccounts(), ...citizenAccounts()]);
}
