// The involvement register (table `involvement`, the kit's, prisma/involvement/):
// that a service is involved with a person, as the service's system or staff
// registered it — the Dutch Verwijsindex's signal. Every view service gets
// it: written through its write API (`startInvolvement`, `updateInvolvement`,
// `endInvolvement`), read into its view beside what its own records say
// (`withRegistered`), and a start under a case's INVOLVEMENT consent tells
// the case's stafettholder (signals.ts). The kit's own SQL, run on the
// service's Prisma client or inside its write's transaction.
import { randomUUID } from "node:crypto";
import DataLoader from "dataloader";
import type { Involvement } from "../views.ts";
import { isOpen, type Checks } from "./checks.ts";
import { recordKind, type AnyKind, type Changes, type NewRow, type SourceKey } from "./kinds.ts";
import { InvolvementInput } from "./types.ts";

/** Raw SQL on a service's Prisma client or transaction: every generated client has these. */
export interface RawSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface InvolvementRow {
  id: string;
  personId: string;
  sourceSystem: string;
  sourceId: string;
  startedOn: Date;
  endedOn: Date | null;
  frontDoorName: string | null;
  frontDoorPhone: string | null;
  contactName: string | null;
  contactRole: string | null;
  contactPhone: string | null;
  signalPending: boolean;
}

/** The columns a write sets, by the name the kit uses → the table's column. */
const COLUMNS = {
  startedOn: "started_on",
  endedOn: "ended_on",
  frontDoorName: "front_door_name",
  frontDoorPhone: "front_door_phone",
  contactName: "contact_name",
  contactRole: "contact_role",
  contactPhone: "contact_phone",
  signalPending: "signal_pending",
} as const;
type Column = keyof typeof COLUMNS;
const DATE_COLUMNS: readonly Column[] = ["startedOn", "endedOn"];

const SELECT = `SELECT id, person_id AS "personId", source_system AS "sourceSystem", source_id AS "sourceId",
  started_on AS "startedOn", ended_on AS "endedOn", front_door_name AS "frontDoorName", front_door_phone AS "frontDoorPhone",
  contact_name AS "contactName", contact_role AS "contactRole", contact_phone AS "contactPhone", signal_pending AS "signalPending"
  FROM involvement`;

/** The columns a write sets. */
type InvolvementColumns = Omit<InvolvementRow, "id" | "personId" | "sourceSystem" | "sourceId" | "signalPending"> & { signalPending?: boolean };

/** A day as PostgreSQL's date takes it (the Date scalar parses to UTC midnight). */
const day = (value: unknown): string | null => (value instanceof Date ? value.toISOString().slice(0, 10) : null);

function find(sql: RawSql, keys: readonly SourceKey[]): Promise<InvolvementRow[]> {
  return sql.$queryRawUnsafe<InvolvementRow[]>(
    `${SELECT} WHERE source_system = ANY($1::text[]) AND source_id = ANY($2::text[])`,
    [...new Set(keys.map((k) => k.sourceSystem))],
    [...new Set(keys.map((k) => k.sourceId))],
  );
}

/** All new rows in one statement: one array per column. */
async function create(sql: RawSql, rows: readonly NewRow<InvolvementColumns>[]): Promise<void> {
  const column = (name: Column) => rows.map((r) => (DATE_COLUMNS.includes(name) ? day(r[name]) : (r[name] ?? null)));
  await sql.$executeRawUnsafe(
    `INSERT INTO involvement (id, person_id, source_system, source_id, started_on, ended_on, front_door_name, front_door_phone,
       contact_name, contact_role, contact_phone, signal_pending, updated_at)
     SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::boolean[])`,
    rows.map(() => randomUUID()),
    rows.map((r) => r.personId),
    rows.map((r) => r.sourceSystem),
    rows.map((r) => r.sourceId),
    column("startedOn"),
    column("endedOn"),
    column("frontDoorName"),
    column("frontDoorPhone"),
    column("contactName"),
    column("contactRole"),
    column("contactPhone"),
    rows.map((r) => r.signalPending === true),
  );
}

async function update(sql: RawSql, row: InvolvementRow, columns: Changes<InvolvementColumns>): Promise<void> {
  const set = (Object.keys(columns) as Column[]).filter((c) => c in COLUMNS);
  const values = set.map((c) => (DATE_COLUMNS.includes(c) ? day(columns[c]) : columns[c]));
  const assignments = set.map((c, i) => `${COLUMNS[c]} = $${i + 2}${DATE_COLUMNS.includes(c) ? "::date" : ""}`);
  await sql.$executeRawUnsafe(
    `UPDATE involvement SET ${[...assignments, "updated_at = now()"].join(", ")} WHERE id = $1`,
    row.id,
    ...values,
  );
}

function checkInvolvement(input: InvolvementInput, checks: Checks): void {
  checks.order("startedOn", input.startedOn, "endedOn", input.endedOn);
  if (input.frontDoor) {
    checks.text("frontDoor.name", input.frontDoor.name, { required: true });
    checks.phone("frontDoor.phone", input.frontDoor.phone);
  }
  if (input.contact) {
    checks.text("contact.name", input.contact.name, { required: true });
    checks.text("contact.role", input.contact.role);
    checks.phone("contact.phone", input.contact.phone);
  }
}

function involvementColumns(input: InvolvementInput): InvolvementColumns {
  return {
    startedOn: input.startedOn,
    endedOn: input.endedOn ?? null,
    frontDoorName: input.frontDoor?.name ?? null,
    frontDoorPhone: input.frontDoor?.phone ?? null,
    contactName: input.contact?.name ?? null,
    contactRole: input.contact?.role ?? null,
    contactPhone: input.contact?.phone ?? null,
  };
}

/** The kit's kind for the register: `startInvolvement` writes it, `updateInvolvement` changes one, `endInvolvement` ends one. */
export const INVOLVEMENT_KIND: AnyKind<RawSql> = recordKind<RawSql, InvolvementInput, InvolvementRow, InvolvementColumns>({
  name: "involvement",
  description: "That the service is involved with the person: since when, its front door and the personal contact.",
  input: InvolvementInput,
  category: "INVOLVEMENT",
  check: checkInvolvement,
  columns: involvementColumns,
  end: (endedOn) => ({ endedOn }),
  opens: (before, after) => opensInvolvement(before, after),
  find: (sql, keys) => find(sql, keys),
  create,
  update,
});

/** Whether a write opened an involvement: open now, and not open before (new, or ended). */
function opensInvolvement(before: InvolvementRow | null, after: Partial<InvolvementColumns>): boolean {
  const endedOn = after.endedOn instanceof Date ? after.endedOn : null;
  const wasOpen = before !== null && isOpen(before.endedOn);
  return isOpen(endedOn) && !wasOpen;
}

/** A request's loader of the registered involvements of persons, newest start first: one statement per batch. */
export function registeredInvolvements(sql: RawSql): DataLoader<string, InvolvementRow[]> {
  return new DataLoader(async (personIds) => {
    const rows = await sql.$queryRawUnsafe<InvolvementRow[]>(`${SELECT} WHERE person_id = ANY($1::text[]) ORDER BY started_on DESC, id`, [...personIds]);
    const byPerson = new Map<string, InvolvementRow[]>(personIds.map((id) => [id, []]));
    for (const row of rows) byPerson.get(row.personId)?.push(row);
    return personIds.map((id) => byPerson.get(id) ?? []);
  });
}

/**
 * A service's involvement fact, from its own records (`derived`) and what it
 * registered: involved while either says so; the contact of the newest open
 * registration that names one, else the records'.
 */
export function withRegistered(registered: readonly InvolvementRow[], derived: Involvement): Involvement {
  const open = registered.filter((r) => isOpen(r.endedOn));
  const named = open.find((r) => r.contactName !== null);
  return {
    involved: derived.involved || open.length > 0,
    contact: named ? { name: named.contactName!, role: named.contactRole, phone: named.contactPhone } : derived.contact,
  };
}
