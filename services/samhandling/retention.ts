// samhandling's retention rules (docs/retention.md): a closed case's
// coordination data after its period from closing; a case's consents and
// refusals after their own period from the case's deletion; concerns no case
// was opened from; barnevern's information requests after they ended. Run by
// the kit's retention job with the kit's rules (services/kit/retention/).
//
// Every table that hangs off a case is named here, in an order the foreign
// keys allow: a table added to the case must be added here too, or the case's
// delete fails on its key (test/e2e/retention.test.ts seeds every table).
import { cascadeRule, type RetentionRule } from "../kit/retention/rule.ts";

const OF_DUE_CASES = "case_id IN (SELECT id FROM due)";

/**
 * Closed cases whose closing is older than the cut-off (closed_at is UTC without a zone, as Prisma
 * writes it). An open case is never picked: only a CLOSED one, and the stafettlogg's trigger refuses
 * to delete an open case's entries besides.
 *
 * Only once archived: a case whose archive package (archive/, written when it closed) the municipality's
 * archive has not yet acknowledged stays, however old — the hub deletes nothing the archive does not hold.
 * A case closed before the archive on close existed has no package and goes by its period alone.
 */
export const closedCaseRule: RetentionRule = cascadeRule({
  name: "closed-case",
  keys: `SELECT id FROM coordination_case c WHERE c.status = 'CLOSED' AND c.closed_at < ($1::timestamptz AT TIME ZONE 'UTC')
         AND NOT EXISTS (SELECT 1 FROM case_archive a WHERE a.case_id = c.id AND a.fetched_at IS NULL)`,
  // The consents stay, with their own clock started (the consent rule).
  before: `UPDATE consent SET case_deleted_at = $2 WHERE case_id = ANY($1::text[]) AND case_deleted_at IS NULL`,
  steps: [
    { table: "notification", where: OF_DUE_CASES },
    { table: "involvement_signal", where: OF_DUE_CASES },
    {
      table: "goal_evaluation",
      where: `goal_id IN (SELECT id FROM goal WHERE ${OF_DUE_CASES}) OR meeting_id IN (SELECT id FROM meeting WHERE ${OF_DUE_CASES})`,
    },
    { table: "measure", where: OF_DUE_CASES },
    { table: "meeting_decision", where: `meeting_id IN (SELECT id FROM meeting WHERE ${OF_DUE_CASES})` },
    { table: "goal", where: OF_DUE_CASES },
    { table: "meeting", where: OF_DUE_CASES },
    { table: "stafettlogg_entry", where: OF_DUE_CASES },
    { table: "handover", where: OF_DUE_CASES },
    { table: "bti_level_change", where: OF_DUE_CASES },
    { table: "concern", where: OF_DUE_CASES },
    { table: "case_member", where: OF_DUE_CASES },
    { table: "case_subject", where: OF_DUE_CASES },
    // The hub's copy of the archive package: the archive holds it now.
    { table: "case_archive", where: OF_DUE_CASES },
    { table: "coordination_case", where: "id IN (SELECT id FROM due)" },
  ],
  // A case carries many rows: fewer cases a transaction.
  batch: 50,
});

/** Consents and refusals whose case the closed-case rule deleted before the cut-off. */
export const consentRule: RetentionRule = cascadeRule({
  name: "consent",
  keys: `SELECT id FROM consent WHERE case_deleted_at < $1`,
  steps: [{ table: "consent", where: "id IN (SELECT id FROM due)" }],
  batch: 1_000,
});

/** Concerns registered before the cut-off that no case was opened from. */
export const unopenedConcernRule: RetentionRule = cascadeRule({
  name: "unopened-concern",
  keys: `SELECT id FROM concern WHERE case_id IS NULL AND registered_at < $1`,
  steps: [{ table: "concern", where: "id IN (SELECT id FROM due)" }],
  batch: 1_000,
});

/** Information requests that ended (closed early, or their period over) before the cut-off. */
export const informationRequestRule: RetentionRule = cascadeRule({
  name: "information-request",
  keys: `SELECT id FROM information_request WHERE LEAST(COALESCE(closed_at, valid_to), valid_to) < $1`,
  steps: [
    { table: "information_request_member", where: "request_id IN (SELECT id FROM due)" },
    { table: "information_request", where: "id IN (SELECT id FROM due)" },
  ],
  batch: 1_000,
});

/** In the order a pass runs them: the cases first, so their consents' clocks start in the same pass. */
export const SAMHANDLING_RETENTION_RULES: readonly RetentionRule[] = [closedCaseRule, consentRule, unopenedConcernRule, informationRequestRule];
