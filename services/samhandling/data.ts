// Every read of samhandling's database, batched per request, and the
// transactions every change runs in.
import type { PrismaPg } from "@prisma/adapter-pg";
import DataLoader from "dataloader";
import { Prisma, PrismaClient, type Consent, type Employee, type InvolvementSignal, type Notification, type StafettloggEntry } from "../../prisma/samhandling/generated/client.ts";
import { MemberRole, type ServiceName } from "../../prisma/samhandling/generated/enums.ts";
import { AUDITOR_ROLE } from "../kit/auth/caller.ts";
import { manyByKey, oneByKey } from "../kit/loaders.ts";
import { committed } from "./after-commit.ts";
import { hubError } from "../kit/errors.ts";
import type { PersonFacts, PersonFactsSource } from "./person-facts.ts";

/** The member roles in the database's order (the enum's declared order): what a members page's keyset follows. */
const MEMBER_ROLES = Object.values(MemberRole);

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type SamhandlingClient = ReturnType<typeof createClient>;

export function samhandlingLoaders(db: SamhandlingClient, facts: PersonFactsSource) {
  /** Directory entries by actor id. */
  const employee = oneByKey((ids) => db.employee.findMany({ where: { actorId: { in: [...ids] } } }), (e: Employee) => e.actorId);
  return {
    case: oneByKey((ids) => db.coordinationCase.findMany({ where: { id: { in: [...ids] } } }), (c) => c.id),
    casesOfFamily: manyByKey(
      (ids) => db.coordinationCase.findMany({ where: { familyId: { in: [...ids] } }, orderBy: { openedAt: "desc" } }),
      (c) => c.familyId ?? "",
    ),
    subjectsOfCase: manyByKey((ids) => db.caseSubject.findMany({ where: { caseId: { in: [...ids] } } }), (s) => s.caseId),
    casesOfSubject: manyByKey((ids) => db.caseSubject.findMany({ where: { personId: { in: [...ids] } } }), (s) => s.personId),
    /**
     * Members, without those whose employee is inactive in the directory: a deactivation suspends
     * every membership (nothing shown, nothing counted) until reactivated. One statement still.
     */
    membersOfCase: manyByKey(
      (ids) =>
        db.caseMember.findMany({
          where: { caseId: { in: [...ids] }, OR: [{ actorId: null }, { employee: { active: true } }] },
          orderBy: [{ role: "asc" }, { joinedAt: "asc" }],
        }),
      (m) => m.caseId,
    ),
    /**
     * A page of a case's members in membersOfCase's order (role, then joined, then id): `take` after
     * `after`, the same members left out (an inactive employee's membership is suspended), so the page
     * is cut from those shown only. A keyset read on (case_id, role, joined_at, id), never OFFSET.
     */
    membersPage: (caseId: string, after: { role: MemberRole; joinedAt: Date; id: string } | null, take: number) =>
      db.caseMember.findMany({
        where: {
          caseId,
          OR: [{ actorId: null }, { employee: { active: true } }],
          ...(after
            ? {
                AND: [
                  {
                    OR: [
                      { role: { in: MEMBER_ROLES.slice(MEMBER_ROLES.indexOf(after.role) + 1) } },
                      { role: after.role, joinedAt: { gt: after.joinedAt } },
                      { role: after.role, joinedAt: after.joinedAt, id: { gt: after.id } },
                    ],
                  },
                ],
              }
            : {}),
        },
        orderBy: [{ role: "asc" }, { joinedAt: "asc" }, { id: "asc" }],
        take,
      }),
    employee,
    concern: oneByKey((ids) => db.concern.findMany({ where: { id: { in: [...ids] } } }), (c) => c.id),
    concernsOfRegistrant: (actorId: string) => db.concern.findMany({ where: { registeredBy: actorId }, orderBy: [{ registeredAt: "desc" }, { id: "asc" }] }),
    /**
     * A page of a registrant's concerns in concernsOfRegistrant's order (newest first, ties by id): `take`
     * after `after`, a keyset read on (registered_by, registered_at, id), never OFFSET.
     */
    concernsPage: (actorId: string, after: { at: Date; id: string } | null, take: number) =>
      db.concern.findMany({
        where: { registeredBy: actorId, ...newestFirstAfter("registeredAt", after) },
        orderBy: [{ registeredAt: "desc" }, { id: "asc" }],
        take,
      }),
    concerns: { create: (data: Prisma.ConcernUncheckedCreateInput) => db.concern.create({ data }) },
    /** Information requests with the employees on them. */
    informationRequest: oneByKey((ids) => db.informationRequest.findMany({ where: { id: { in: [...ids] } }, include: { members: { select: { actorId: true } } } }), (r) => r.id),
    requestsOfMember: (actorId: string) =>
      db.informationRequest.findMany({ where: { members: { some: { actorId } } }, orderBy: [{ validFrom: "desc" }, { id: "asc" }] }),
    /**
     * A page of the information requests an employee is on, in requestsOfMember's order (newest first,
     * ties by id): `take` after `after`, a keyset read, never OFFSET. Through the members' index on
     * actor_id: one employee is on few requests.
     */
    requestsPage: (actorId: string, after: { at: Date; id: string } | null, take: number) =>
      db.informationRequest.findMany({
        where: { members: { some: { actorId } }, ...newestFirstAfter("validFrom", after) },
        orderBy: [{ validFrom: "desc" }, { id: "asc" }],
        take,
      }),
    informationRequests: requestWrites(db),
    employeesOfService: (service: ServiceName) => db.employee.findMany({ where: { service }, orderBy: [{ displayName: "asc" }, { actorId: "asc" }] }),
    /**
     * A page of a service's employees in employeesOfService's order (by name, then actor id), inactive
     * ones included: `take` after `after`, a keyset read on (service, display_name, actor_id), never OFFSET.
     */
    employeesPage: (service: ServiceName, after: { name: string; actorId: string } | null, take: number) =>
      db.employee.findMany({
        where: {
          service,
          ...(after ? { displayName: { gte: after.name }, OR: [{ displayName: { gt: after.name } }, { actorId: { gt: after.actorId } }] } : {}),
        },
        orderBy: [{ displayName: "asc" }, { actorId: "asc" }],
        take,
      }),
    /** Active non-auditor employees whose name holds every word (any case), by name; `take` bounds the answer. */
    colleaguesNamed: (words: readonly string[], take: number) =>
      db.employee.findMany({
        where: { active: true, NOT: { roles: { has: AUDITOR_ROLE } }, AND: words.map((word) => ({ displayName: { contains: word, mode: "insensitive" as const } })) },
        orderBy: [{ displayName: "asc" }, { actorId: "asc" }],
        take,
      }),
    consent: oneByKey((ids) => db.consent.findMany({ where: { id: { in: [...ids] } } }), (c) => c.id),
    /** Every consent and refusal recorded in a case, newest first (withdrawn and expired ones included). */
    consentsOfCase: manyByKey(
      (ids) => db.consent.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
      (c) => c.caseId,
    ),
    /** The persons a case's consents given as guardian are about: whose guardians may read those (few; one per child at most). */
    guardianConsentSubjectsOfCase: async (caseId: string): Promise<string[]> =>
      (await db.consent.findMany({ where: { caseId, capacity: "GUARDIAN" }, distinct: ["subjectPersonId"], select: { subjectPersonId: true } })).map((c) => c.subjectPersonId),
    /**
     * A page of a case's consents (null: of every case), newest first (consentsOfCase's order): `take`
     * after `after`, only those `readable` names (null: all) — about, or given by, one of `persons`, or
     * given as guardian about one of `wards` — so the page is cut from the reader's own. A keyset read
     * on (case_id, created_at, id), never OFFSET; across cases, through the indexes on the persons.
     */
    consentsPage: (caseId: string | null, readable: { persons: string[]; wards: string[] } | null, after: { at: Date; id: string } | null, take: number) =>
      db.consent.findMany({
        where: {
          ...(caseId === null ? {} : { caseId }),
          AND: [
            readable
              ? {
                  OR: [
                    { subjectPersonId: { in: readable.persons } },
                    { givenByPersonId: { in: readable.persons } },
                    { capacity: "GUARDIAN", subjectPersonId: { in: readable.wards } },
                  ],
                }
              : {},
            after ? { createdAt: { lte: after.at }, OR: [{ createdAt: { lt: after.at } }, { id: { gt: after.id } }] } : {},
          ],
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take,
      }),
    /** Consents and refusals about a person or given by them, in every case, newest first. */
    consentsOfPerson: new DataLoader<string, Consent[]>(async (ids) => {
      const rows = await db.consent.findMany({
        where: { OR: [{ subjectPersonId: { in: [...ids] } }, { givenByPersonId: { in: [...ids] } }] },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      });
      return ids.map((id) => rows.filter((c) => c.subjectPersonId === id || c.givenByPersonId === id));
    }),
    /** Registry facts (birth date, guardians) for the competence rules; null for an unknown person. One call per batch. */
    personFacts: new DataLoader<string, PersonFacts | null>(async (ids) => {
      const found = await facts.load(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** The children a person holds parental responsibility for, from registry. */
    wards: new DataLoader<string, string[]>(async (ids) => {
      const found = await facts.wards(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    /** Active memberships of an employee (actor id), for myCases. */
    membershipsOfActor: manyByKey((ids) => db.caseMember.findMany({ where: { actorId: { in: [...ids] }, leftAt: null } }), (m) => m.actorId ?? ""),
    /** Active memberships of a registry person (family, trusted person), for a citizen's myCases. */
    membershipsOfPerson: manyByKey((ids) => db.caseMember.findMany({ where: { personId: { in: [...ids] }, leftAt: null } }), (m) => m.personId ?? ""),
    levelChangesOfCase: manyByKey(
      (ids) => db.btiLevelChange.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ decidedAt: "asc" }, { id: "asc" }] }),
      (l) => l.caseId,
    ),
    handoversOfCase: manyByKey(
      (ids) => db.handover.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ proposedAt: "desc" }, { id: "asc" }] }),
      (h) => h.caseId,
    ),
    stafettloggOfCase: manyByKey(
      (ids) => db.stafettloggEntry.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
      (e) => e.caseId,
    ),
    /**
     * The services that wrote in a case's stafettlogg, without reading its entries: a loose index
     * scan on (case_id, author_service) — each step seeks the next service after the last — so a
     * long log costs no more than a short one. What a page's consent questions are about
     * (coordination/stafettlogg.ts).
     */
    authorServicesOfCase: async (caseId: string): Promise<ServiceName[]> =>
      (
        await db.$queryRaw<{ service: ServiceName }[]>`
          WITH RECURSIVE s AS (
            (SELECT author_service FROM stafettlogg_entry WHERE case_id = ${caseId} ORDER BY author_service LIMIT 1)
            UNION ALL
            SELECT (SELECT e.author_service FROM stafettlogg_entry e WHERE e.case_id = ${caseId} AND e.author_service > s.author_service ORDER BY e.author_service LIMIT 1)
            FROM s WHERE s.author_service IS NOT NULL
          )
          SELECT author_service::text AS service FROM s WHERE author_service IS NOT NULL`
      ).map((r) => r.service),
    /**
     * A page of a case's stafettlogg, oldest first: `take` entries after `after`, by the given
     * services (null: by any), a keyset read on the index (case_id, at, id): `(at, id) > (…)`, never
     * OFFSET. Left out when every service that wrote is readable, the filter never tempts the planner
     * to read the whole log through (case_id, author_service) and sort it.
     */
    stafettloggPage: (caseId: string, services: readonly ServiceName[] | null, after: { at: Date; id: string } | null, take: number) =>
      db.$queryRaw<StafettloggEntry[]>`
        SELECT id, case_id AS "caseId", kind::text AS kind, text, author_actor_id AS "authorActorId", author_name AS "authorName",
          author_service::text AS "authorService", at, responsible_member_id AS "responsibleMemberId",
          evaluation_date AS "evaluationDate", corrects_id AS "correctsId"
        FROM stafettlogg_entry
        WHERE case_id = ${caseId}
          ${services ? Prisma.sql`AND author_service = ANY(${[...services]}::"ServiceName"[])` : Prisma.empty}
          ${after ? Prisma.sql`AND (at, id) > (${after.at}::timestamptz, ${after.id})` : Prisma.empty}
        ORDER BY at, id
        LIMIT ${take}`,
    /**
     * A page of the cases a person takes part in, newest first (`take` after `after`): an employee's
     * through an active membership (their directory entry active), a citizen's as a subject or an active
     * member. The same rule as cases/visibility.ts `visibleCase`, in SQL, so the page is cut from visible
     * cases only. A keyset read on (opened_at, id), never OFFSET.
     */
    casesPage: (who: { actorId: string } | { personId: string }, after: { at: Date; id: string } | null, take: number) =>
      db.coordinationCase.findMany({
        where: {
          AND: [
            "actorId" in who
              ? { members: { some: { actorId: who.actorId, leftAt: null, employee: { active: true } } } }
              : { OR: [{ members: { some: { personId: who.personId, leftAt: null } } }, { subjects: { some: { personId: who.personId } } }] },
            after ? { openedAt: { lte: after.at }, OR: [{ openedAt: { lt: after.at } }, { id: { lt: after.id } }] } : {},
          ],
        },
        orderBy: [{ openedAt: "desc" }, { id: "desc" }],
        take,
      }),
    meetingsOfCase: manyByKey(
      (ids) => db.meeting.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
      (m) => m.caseId,
    ),
    /** A meeting's decisions in the order they were recorded. */
    decisionsOfMeeting: manyByKey(
      (ids) => db.meetingDecision.findMany({ where: { meetingId: { in: [...ids] } }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
      (d) => d.meetingId,
    ),
    goalsOfCase: manyByKey(
      (ids) => db.goal.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ familyPriority: "asc" }, { createdAt: "asc" }] }),
      (g) => g.caseId,
    ),
    /** A goal's evaluations, oldest meeting first. */
    evaluationsOfGoal: manyByKey(
      (ids) => db.goalEvaluation.findMany({ where: { goalId: { in: [...ids] } }, orderBy: [{ meeting: { startsAt: "asc" } }, { id: "asc" }] }),
      (e) => e.goalId,
    ),
    meeting: oneByKey((ids) => db.meeting.findMany({ where: { id: { in: [...ids] } } }), (m) => m.id),
    /** Every measure and follow-up of a case, by due date. */
    measuresOfCase: manyByKey(
      (ids) => db.measure.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ dueDate: "asc" }, { id: "asc" }] }),
      (m) => m.caseId,
    ),
    write: consentWrites(db),
    directory: directoryWrites(db, employee),
    /** A handover by id, for finding its case before the case's lock is taken. */
    handoverById: (id: string) => db.handover.findUnique({ where: { id } }),
    meetingById: (id: string) => db.meeting.findUnique({ where: { id } }),
    measureById: (id: string) => db.measure.findUnique({ where: { id } }),
    /** Runs a change to a case in a transaction holding the case's lock. */
    inCase: caseTransaction(db),
    /**
     * The database, for the archive room (archive/): its packages are read and rendered
     * outside any case's lock, and listed for the municipality's archive across cases.
     */
    archiveDb: db,
    inNewCase: newCaseTransaction(db),
    /** A case's involvement signals, newest first (consent/involvement-signals.ts). */
    signalsOfCase: manyByKey(
      (ids) => db.involvementSignal.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ signalledAt: "desc" }, { id: "asc" }] }),
      (s) => s.caseId,
    ),
    stafettloggEntry: oneByKey((ids) => db.stafettloggEntry.findMany({ where: { id: { in: [...ids] } } }), (e) => e.id),
    measure: oneByKey((ids) => db.measure.findMany({ where: { id: { in: [...ids] } } }), (m) => m.id),
    handover: oneByKey((ids) => db.handover.findMany({ where: { id: { in: [...ids] } } }), (h) => h.id),
    signal: oneByKey((ids) => db.involvementSignal.findMany({ where: { id: { in: [...ids] } } }), (s) => s.id),
    notifications: notificationReads(db),
    /**
     * Records signals; one already recorded for the same start is left as it is. `then` writes what the
     * new ones cause (their notifications) in the same transaction. Answers the new ones.
     */
    recordSignals: (rows: readonly Prisma.InvolvementSignalCreateManyInput[], then: (tx: Prisma.TransactionClient, created: InvolvementSignal[]) => Promise<unknown>) =>
      committed(db, async (tx) => {
        const created = await tx.involvementSignal.createManyAndReturn({ data: [...rows], skipDuplicates: true });
        await then(tx, created);
        return created;
      }),
  };
}

/**
 * The keyset condition of a list ordered newest first by `field`, ties by id ascending: the rows after
 * `after` in that order (none: no condition).
 */
function newestFirstAfter<F extends string>(field: F, after: { at: Date; id: string } | null) {
  if (!after) return {};
  return { [field]: { lte: after.at }, OR: [{ [field]: { lt: after.at } }, { id: { gt: after.id } }] } as { [K in F]: { lte: Date } } & { OR: ({ [K in F]: { lt: Date } } | { id: { gt: string } })[] };
}

// Every change to a case runs in one transaction that first locks the case
// row: changes to one case happen one at a time, and an error leaves nothing
// half-written.

/** Locks a case row for the rest of the transaction. */
const lockCase = (tx: Prisma.TransactionClient, caseId: string) =>
  tx.$queryRaw<{ status: string; holder_member_id: string | null }[]>`SELECT status::text AS status, holder_member_id FROM coordination_case WHERE id = ${caseId} FOR UPDATE`;

export interface LockedCase {
  status: "OPEN" | "CLOSED";
  holderMemberId: string | null;
}

type CaseTransaction = <T>(caseId: string, work: (tx: Prisma.TransactionClient, locked: LockedCase) => Promise<T>) => Promise<T>;

/** For a new case, which has no row to lock yet. */
type NewCaseTransaction = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => Promise<T>;

function newCaseTransaction(db: SamhandlingClient): NewCaseTransaction {
  return (work) => committed(db, (tx) => work(tx));
}

function caseTransaction(db: SamhandlingClient): CaseTransaction {
  return (caseId, work) =>
    committed(db, async (tx) => {
      const [row] = await lockCase(tx, caseId);
      if (!row) throw hubError("NOT_FOUND", "No coordination case has this id. Check the case id.");
      return work(tx, { status: row.status as LockedCase["status"], holderMemberId: row.holder_member_id });
    });
}

/**
 * The only writes samhandling makes to consents, each in one transaction that
 * first locks the case row, so consent changes in one case happen one at a time.
 */
function consentWrites(db: SamhandlingClient) {
  return {
    /**
     * Inserts a consent. `check` sees the active-or-not rows of the opposite
     * decision about the same subject in the same case and may throw to refuse;
     * nothing is written then. `then` writes what the new consent causes (its
     * notifications) in the same transaction.
     */
    recordConsent(
      data: Prisma.ConsentUncheckedCreateInput,
      check: (opposite: Consent[]) => void,
      then?: (tx: Prisma.TransactionClient, row: Consent) => Promise<unknown>,
    ): Promise<Consent> {
      return committed(db, async (tx) => {
        const [locked] = await lockCase(tx, data.caseId);
        if (!locked) throw new Error(`case ${data.caseId} vanished while a consent was recorded`);
        const opposite = await tx.consent.findMany({
          where: {
            caseId: data.caseId,
            subjectPersonId: data.subjectPersonId,
            decision: data.decision === "PERMIT" ? "DENY" : "PERMIT",
            withdrawnAt: null,
          },
        });
        check(opposite);
        const row = await tx.consent.create({ data });
        await then?.(tx, row);
        return row;
      });
    },
    /** Attests a form once, under the case's lock; null when it was attested or withdrawn meanwhile. */
    attestConsent(id: string, by: string, at: Date): Promise<Consent | null> {
      return committed(db, async (tx) => {
        const current = await tx.consent.findUnique({ where: { id }, select: { caseId: true } });
        if (!current) return null;
        await lockCase(tx, current.caseId);
        const { count } = await tx.consent.updateMany({ where: { id, channel: "PAPER_FORM", attestedAt: null, withdrawnAt: null }, data: { attestedAt: at, attestedBy: by } });
        return count === 1 ? tx.consent.findUnique({ where: { id } }) : null;
      });
    },
    /** Sets withdrawnAt/withdrawnBy once; null when the consent was already withdrawn (or is unknown). */
    withdrawConsent(id: string, by: string, at: Date): Promise<Consent | null> {
      return committed(db, async (tx) => {
        const current = await tx.consent.findUnique({ where: { id }, select: { caseId: true } });
        if (!current) return null;
        await lockCase(tx, current.caseId);
        const { count } = await tx.consent.updateMany({ where: { id, withdrawnAt: null }, data: { withdrawnAt: at, withdrawnBy: by } });
        return count === 1 ? tx.consent.findUnique({ where: { id } }) : null;
      });
    },
  };
}

/** Recording and closing information requests. */
function requestWrites(db: SamhandlingClient) {
  return {
    create: (data: Prisma.InformationRequestUncheckedCreateInput, memberActorIds: readonly string[]) =>
      committed(db, async (tx) => {
        const row = await tx.informationRequest.create({ data });
        await tx.informationRequestMember.createMany({ data: memberActorIds.map((actorId) => ({ requestId: row.id, actorId })) });
        return row;
      }),
    /** Closes it once; null when it was closed meanwhile. */
    close: async (id: string, by: string, reason: string, at: Date) => {
      const { count } = await db.informationRequest.updateMany({ where: { id, closedAt: null }, data: { closedAt: at, closedBy: by, closedReason: reason } });
      return count === 1 ? db.informationRequest.findUnique({ where: { id } }) : null;
    },
  };
}

/** Whose notifications: an employee's (sign-in subject) or a citizen's (registry person id). */
export type NotificationOwner = { actorId: string } | { personId: string };

const ownedBy = (who: NotificationOwner) => ("actorId" in who ? { recipientActorId: who.actorId } : { recipientPersonId: who.personId });

/** A recipient's notifications and preferences (services/samhandling/notifications/). */
function notificationReads(db: SamhandlingClient) {
  return {
    /**
     * A recipient's notifications, newest first: `take` after `after`, a keyset read on the index
     * (recipient, created_at, id) — `(created_at, id) < (…)`, never OFFSET. `unreadOnly` for the badge.
     */
    page: (who: NotificationOwner, after: { at: Date; id: string } | null, take: number, unreadOnly = false): Promise<Notification[]> =>
      db.notification.findMany({
        where: {
          ...ownedBy(who),
          ...(unreadOnly ? { readAt: null } : {}),
          ...(after ? { createdAt: { lte: after.at }, OR: [{ createdAt: { lt: after.at } }, { id: { lt: after.id } }] } : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take,
      }),
    /** The recipient's notifications among `ids` (others' ids find nothing). */
    byIds: (who: NotificationOwner, ids: readonly string[]): Promise<Notification[]> => db.notification.findMany({ where: { ...ownedBy(who), id: { in: [...ids] } } }),
    /** Marks the recipient's given notifications (null: all of them) read; those already read keep their time. */
    markRead: (who: NotificationOwner, ids: readonly string[] | null, at: Date) =>
      db.notification.updateMany({ where: { ...ownedBy(who), readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) }, data: { readAt: at } }),
    preferences: (who: NotificationOwner) => db.notificationPreference.findFirst({ where: ownedBy(who) }),
    savePreferences: (who: NotificationOwner, id: string, data: { mutedKinds: string[]; email: boolean; emailAddress: string | null; updatedAt: Date }) =>
      db.notificationPreference.upsert({ where: "actorId" in who ? { recipientActorId: who.actorId } : { recipientPersonId: who.personId }, create: { id, ...ownedBy(who), ...data }, update: data }),
  };
}

/** An administrator's changes to the directory; the rest of the request reads the changed entry. */
function directoryWrites(db: SamhandlingClient, loader: DataLoader<string, Employee | null>) {
  const fresh = (row: Employee) => {
    loader.clear(row.actorId).prime(row.actorId, row);
    return row;
  };
  return {
    create: async (data: Prisma.EmployeeUncheckedCreateInput) => fresh(await db.employee.create({ data })),
    update: async (actorId: string, data: Prisma.EmployeeUncheckedUpdateInput) => fresh(await db.employee.update({ where: { actorId }, data })),
    upsert: async (args: Prisma.EmployeeUpsertArgs) => fresh(await db.employee.upsert(args)),
  };
}

export type SamhandlingLoaders = ReturnType<typeof samhandlingLoaders>;
