// What the signed-in person is in a case, for offering only the actions they
// may take: their own active membership (an employee's, for the service they
// signed in for, as the hub requires), whether they hold the baton, and the
// members an action can name. The hub decides again on every action; this
// only keeps buttons away from those who would be refused.
import type { SignedInUser } from "../auth/session.ts";
import type { CaseParticipantsFragment } from "../graphql/generated/graphql.ts";

export type Member = CaseParticipantsFragment["activeMembers"][number];

export interface Participation {
  caseId: string;
  /** The signed-in employee's active membership, when they act in this case for the service they signed in for. */
  me: Member | null;
  /** Whether `me` may change the case at all: an active employee member of an open case. */
  canAct: boolean;
  /** Whether `me` holds the baton (stafettholder or coordinator). */
  isHolder: boolean;
  holderId: string | null;
  /** Active members, holder first. */
  members: readonly Member[];
  /** Active members who are employees: the ones a follow-up or the baton can be given to. */
  professionals: readonly Member[];
  /** Whether the case has a BTI level to change (a BTI case, or another kind that works to the BTI levels). */
  hasLevel: boolean;
}

export function participation(user: SignedInUser | null, c: CaseParticipantsFragment): Participation {
  const mine = user?.role === "employee" ? c.activeMembers.find((m) => m.actorId === user.subject) : undefined;
  // A membership for another service than the sign-in's acts for nothing (the hub's FORBIDDEN): offer nothing.
  const me = mine && user && mine.service.toLowerCase() === user.service ? mine : null;
  const holderId = c.holder?.id ?? null;
  return {
    caseId: c.id,
    me,
    canAct: me !== null && c.status === "OPEN",
    isHolder: me !== null && c.status === "OPEN" && me.id === holderId,
    holderId,
    members: c.activeMembers,
    professionals: c.activeMembers.filter((m) => m.actorId != null),
    hasLevel: c.btiLevel != null,
  };
}
