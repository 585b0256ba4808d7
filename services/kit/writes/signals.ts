// The involvement signal's way out of a service: a registered involvement
// that opened is marked in the write's own transaction (the outbox,
// `involvement.signal_pending`), then told to samhandling over a signed
// internal call — the person, the service and its front door, nothing more.
// samhandling decides by its consent rules which open cases' stafettholders
// learn of it (services/samhandling/consent/involvement-signals.ts). A failed
// call leaves the mark, and the next write, or a retry a little later, sends
// it again; samhandling records each start once.
import { serviceEntry, type FrontDoor, type ViewService } from "../catalog.ts";
import type { InternalClient } from "../internal.ts";
import { createLogger, errorFields } from "../log.ts";
import type { RawSql } from "./involvement.ts";

const log = createLogger("writes");

/** Starts sent in one call. */
const BATCH = 500;
const RETRY_MS = 30_000;

export const INVOLVEMENT_STARTED = `mutation InvolvementStarted($service: String!, $starts: [InvolvementStartInput!]!) {
  _involvementStarted(service: $service, starts: $starts)
}`;

/** What samhandling is told of one start. */
export interface InvolvementStart {
  involvementId: string;
  personId: string;
  startedOn: string;
  frontDoorName: string;
  frontDoorPhone: string;
}

interface PendingRow {
  id: string;
  personId: string;
  startedOn: Date;
  frontDoorName: string | null;
  frontDoorPhone: string | null;
}

export class InvolvementSignals {
  /** One delivery at a time in this process: two would only send the same starts twice. */
  private running: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly service: ViewService,
    private readonly sql: RawSql,
    private readonly internal: InternalClient,
    /** The service's front door in this deployment (its config), for an involvement that names none. */
    private readonly frontDoor: FrontDoor | null,
  ) {}

  /** Sends every start still marked; resolves when done or failed (a failure is retried later, never thrown). */
  deliver(): Promise<void> {
    this.running = this.running.then(() => this.send());
    return this.running;
  }

  private async send(): Promise<void> {
    try {
      for (;;) {
        const pending = await this.sql.$queryRawUnsafe<PendingRow[]>(
          `SELECT id, person_id AS "personId", started_on AS "startedOn", front_door_name AS "frontDoorName", front_door_phone AS "frontDoorPhone"
           FROM involvement WHERE signal_pending ORDER BY updated_at LIMIT ${BATCH}`,
        );
        if (pending.length === 0) return;
        const door = this.frontDoor;
        const starts: InvolvementStart[] = pending.map((row) => ({
          involvementId: row.id,
          personId: row.personId,
          startedOn: row.startedOn.toISOString().slice(0, 10),
          // The involvement's own front door, else the service's in this deployment.
          frontDoorName: row.frontDoorName ?? door?.name ?? serviceEntry(this.service).title.nb,
          frontDoorPhone: row.frontDoorPhone ?? door?.phone ?? "",
        }));
        await this.internal.query("samhandling", INVOLVEMENT_STARTED, { service: this.service, starts });
        // Only the starts sent: one started again meanwhile (another day) stays marked.
        await this.sql.$executeRawUnsafe(
          `UPDATE involvement SET signal_pending = false FROM unnest($1::text[], $2::date[]) AS sent(id, started_on)
           WHERE involvement.id = sent.id AND involvement.started_on = sent.started_on`,
          starts.map((s) => s.involvementId),
          starts.map((s) => s.startedOn),
        );
        if (pending.length < BATCH) return;
      }
    } catch (error) {
      log.warn("involvement signals could not be sent to samhandling; trying again shortly", { service: this.service, ...errorFields(error) });
      this.retry ??= setTimeout(() => {
        this.retry = null;
        void this.deliver();
      }, RETRY_MS).unref();
    }
  }
}
