// Every change to coordination work runs in one transaction that first locks
// the case row: changes to one case happen one at a time, and an error leaves
// nothing half-written.
import type { Prisma } from "../../../prisma/samhandling/generated/client.ts";
import { hubError } from "../../kit/errors.ts";
import type { SamhandlingClient } from "../data.ts";

/** Locks a case row for the rest of the transaction. */
export const lockCase = (tx: Prisma.TransactionClient, caseId: string) =>
  tx.$queryRaw<{ status: string; holder_member_id: string | null }[]>`SELECT status::text AS status, holder_member_id FROM coordination_case WHERE id = ${caseId} FOR UPDATE`;

export interface LockedCase {
  status: "OPEN" | "CLOSED";
  holderMemberId: string | null;
}

export type CaseTransaction = <T>(caseId: string, work: (tx: Prisma.TransactionClient, locked: LockedCase) => Promise<T>) => Promise<T>;

/** For a new case, which has no row to lock yet. */
export type NewCaseTransaction = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => Promise<T>;

export function newCaseTransaction(db: SamhandlingClient): NewCaseTransaction {
  return (work) => db.$transaction((tx) => work(tx));
}

export function caseTransaction(db: SamhandlingClient): CaseTransaction {
  return (caseId, work) =>
    db.$transaction(async (tx) => {
      const [row] = await lockCase(tx, caseId);
      if (!row) throw hubError("NOT_FOUND", "No coordination case has this id. Check the case id.");
      return work(tx, { status: row.status as LockedCase["status"], holderMemberId: row.holder_member_id });
    });
}

/** Changes need an open case: a closed one is a record. */
export function requireOpen(locked: LockedCase): void {
  if (locked.status !== "OPEN") throw hubError("CONFLICT", "The case is closed, so it cannot be changed. Open a new case if cooperation continues.");
}
