// The one gate in front of personal data. Every service view of a person is
// built through `AccessGuard.view`, so the consent rules, the access log and
// the "no existence leak" shape live here and nowhere else.
import DataLoader from "dataloader";
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { AccessBasisEnum, AccessReasonEnum } from "./access-enums.ts";
import type { AccessLogRecord } from "./access-log.ts";
import { shownBasis, shownReason, type AccessBasis, type AccessReason } from "./access-values.ts";
import { actorOf, isAuditor, isCitizen, type Caller, type HubProcessName, type Purpose } from "./auth/caller.ts";
import type { FrontDoor, ServiceName } from "./catalog.ts";
import type { AccessCategory, DataCategory } from "./categories.ts";
import { UNAVAILABLE, type Decision, type DecisionQuestion, type DecisionRequest, type DecisionSource } from "./decisions.ts";
import { hubError } from "./errors.ts";
import type { GraphQLError } from "graphql";
import type { ContactPerson, Involvement } from "./views.ts";

export enum AccessStatus {
  GRANTED = "GRANTED",
  INVOLVEMENT_ONLY = "INVOLVEMENT_ONLY",
  RESTRICTED = "RESTRICTED",
}
registerEnumType(AccessStatus, {
  name: "AccessStatus",
  description: "Whether the caller may see a service's data about a person.",
  valuesConfig: {
    GRANTED: { description: "The data fields are filled in." },
    INVOLVEMENT_ONLY: {
      description:
        "Only `involved` and `contact` are filled in: the fact of involvement (data category INVOLVEMENT) may be seen, the service's data (SERVICE_DATA) may not. The other data fields are null.",
    },
    RESTRICTED: { description: "The data fields are null. Says nothing about whether the service holds data." },
  },
});

@Directive("@shareable")
@ObjectType("AccessDecision", { description: "How access to a service's view of a person was decided." })
export class AccessDecision {
  @Field(() => AccessStatus, { description: "Granted, involvement only, or restricted." })
  status!: AccessStatus;

  @Field(() => AccessReasonEnum, { description: "Why: the rule that decided (e.g. CONSENT, OWN_SERVICE, NO_CONSENT). For INVOLVEMENT_ONLY, the rule that released the involvement." })
  reason!: AccessReason;

  @Field(() => AccessBasisEnum, { nullable: true, description: "The consent or legal basis that decided it, when one did." })
  basis?: AccessBasis | null;

  @Field(() => String, {
    nullable: true,
    description: "What the basis names: the consent's, case's or information request's id (CONSENT, CASE, INFORMATION_REQUEST), or the basis as recorded (OTHER). null for a legal basis.",
  })
  basisReference?: string | null;
}

/** Where released and refused reads are recorded (services/kit/access-log.ts). */
export interface AccessRecorder {
  append(records: AccessLogRecord[]): Promise<void>;
}

export interface AccessRequestInfo {
  service: ServiceName;
  caller: Caller;
  purpose: Purpose;
  requestId: string;
  /** The consent epoch the request was stamped with; absent or null: decide afresh. */
  consentEpoch?: number | null;
  /**
   * The service's front door (the municipality's koordinerende enhet, the
   * service's reception): the only contact an INVOLVEMENT-only view names;
   * null for a service with no view of a person.
   */
  frontDoor: FrontDoor | null;
}

/** A view whose data fields are absent unless access was granted. */
export type Guarded<View> = { access: AccessDecision } & Partial<View>;

/** A service view: it always carries the involvement fact and the contact, among its other data. */
export type ServiceViewData = { [K in keyof Involvement]?: Involvement[K] | null };

/**
 * How a service reads its view of one person, layer by layer. Both go through
 * the service's request-scoped loaders, so a mix of full and
 * involvement-only views in one request still costs one statement per table.
 */
export interface ServiceReads<View extends ServiceViewData> {
  /** Everything the view shows; read only when SERVICE_DATA is granted. */
  full(): Promise<View>;
  /**
   * Whether the service is involved now (and its own contact, which only the
   * full view shows); read when INVOLVEMENT alone is granted. Keep it cheap.
   */
  involvement(): Promise<Involvement>;
}

/**
 * Refused before any decision is asked (roles apart, purpose required): the
 * decision logged for every question, and the error the request gets.
 */
interface UpFront {
  decision: Decision;
  error: () => GraphQLError;
}

const AUDITORS_AUDIT: UpFront = {
  decision: { status: "RESTRICTED", reason: "AUDITOR", basis: null },
  error: () => hubError("FORBIDDEN", "Auditors read the access log (<service>AuditLog, <service>ReviewList); no other personal data is released to the auditor role."),
};

const PURPOSE_REQUIRED: UpFront = {
  decision: { status: "RESTRICTED", reason: "NO_PURPOSE", basis: null },
  error: () =>
    hubError("PURPOSE_REQUIRED", "Personal data is read within a task: send the header X-Case-Id with the id of the case (or information request) you work in.", {
      field: "X-Case-Id",
    }),
};

/**
 * The one check of who is refused before anything is decided: an auditor
 * (roles apart: they audit and do nothing else), and an employee who declares
 * no case (purpose required: the answer says so instead of a silent null).
 * A citizen needs no declared case: they see themself and their children.
 */
function refusedUpFront(caller: Caller, purpose: Purpose): UpFront | null {
  if (caller.kind !== "actor") return null;
  if (isAuditor(caller)) return AUDITORS_AUDIT;
  if (!isCitizen(caller) && purpose === null) return PURPOSE_REQUIRED;
  return null;
}

export const accessLogUnavailable = () =>
  hubError("ACCESS_LOG_UNAVAILABLE", "The access log could not be written, so no data was released. Try again shortly; the incident is logged.");

/**
 * The consent rules could not be asked (samhandling's decision endpoint did
 * not answer): nothing is released, and the caller is told it was the
 * moment's failure, not an answer about the person.
 */
export const decisionUnavailable = () =>
  hubError("SERVICE_UNAVAILABLE", "The consent rules could not be asked just now, so nothing was released. Try again shortly.", { serviceName: "samhandling" });

/**
 * The gate of one request. Questions are batched (one decision call per
 * request), every answer is written to the access log before any data is
 * released (a granted view's data is read while the entry is written), and
 * a restricted view is built from the decision alone — so it is identical
 * whether or not the service holds data on the person.
 */
export class AccessGuard {
  private readonly decisions: DataLoader<DecisionQuestion, Decision, string>;

  constructor(
    private readonly info: AccessRequestInfo,
    private readonly source: DecisionSource,
    private readonly recorder: AccessRecorder,
  ) {
    this.decisions = new DataLoader((questions) => source.decide(this.request(info.caller, info.purpose), questions), {
      cacheKeyFn: (q) => `${q.personId}\u0000${q.service}\u0000${q.category}`,
    });
  }

  /** Per person and category, once per request: the decision, and the same once its log entry is written. */
  private readonly asked = new Map<string, { decided: Promise<Decision>; logged: Promise<Decision> }>();

  /** Decides for one person and category of this service and logs the outcome — once per request. */
  decide(personId: string, category: AccessCategory): Promise<Decision> {
    return this.decideAll(personId, [category]).then((d) => d[0]!);
  }

  /**
   * Decides several categories for one person at once and logs the outcomes
   * — once per request each. Categories decided alike (same status, reason
   * and basis) share one log entry that names them all. Resolves once the
   * entries are written.
   */
  decideAll(personId: string, categories: readonly AccessCategory[]): Promise<Decision[]> {
    return this.decideAndLog(personId, categories).logged;
  }

  /**
   * The decisions as soon as they are known (`decided`), and again once they
   * are logged (`logged`). A view may read its data in between, while the log
   * entry is being written, but releases nothing before `logged`: a failed
   * write still withholds the data, and the read no longer waits for the write.
   */
  private decideAndLog(personId: string, categories: readonly AccessCategory[]): { decided: Promise<Decision[]>; logged: Promise<Decision[]> } {
    const keyOf = (category: AccessCategory) => `${personId}\u0000${category}`;
    const pending = categories.filter((c) => !this.asked.has(keyOf(c)));
    if (pending.length > 0) {
      const upFront = refusedUpFront(this.info.caller, this.info.purpose);
      const decided = upFront
        ? Promise.resolve(pending.map(() => upFront.decision))
        : Promise.all(pending.map((category) => this.decisions.load({ personId, service: this.info.service, category })));
      const logged = decided.then(async (decisions) => {
        const alike = new Map<string, { decision: Decision; categories: AccessCategory[] }>();
        decisions.forEach((decision, i) => {
          const outcome = `${decision.status}\u0000${decision.reason}\u0000${decision.basis ?? ""}\u0000${decision.extraordinary === true}`;
          const group = alike.get(outcome) ?? { decision, categories: [] };
          group.categories.push(pending[i]!);
          alike.set(outcome, group);
        });
        await Promise.all([...alike.values()].map((g) => this.record(personId, g.categories, g.decision)));
        // Logged, then refused with an error that says why (nothing was asked, nothing is released).
        if (upFront) throw upFront.error();
        return decisions;
      });
      pending.forEach((category, i) => this.asked.set(keyOf(category), { decided: handled(decided.then((d) => d[i]!)), logged: handled(logged.then((d) => d[i]!)) }));
    }
    return {
      decided: Promise.all(categories.map((c) => this.asked.get(keyOf(c))!.decided)),
      logged: Promise.all(categories.map((c) => this.asked.get(keyOf(c))!.logged)),
    };
  }

  /**
   * For internal endpoints only (e.g. registry's person facts for
   * samhandling's competence rules, the gateway's sign-in lookup): granted to the named processes, logged
   * with the stated legal basis; refused and logged for anyone else.
   */
  async internalRelease(personIds: readonly string[], category: DataCategory, services: readonly HubProcessName[], basis: string): Promise<boolean> {
    const caller = this.info.caller;
    const allowed = caller.kind === "service" && services.includes(caller.service);
    const decision: Decision = allowed ? { status: "GRANTED", reason: "INTERNAL_SERVICE", basis } : { status: "RESTRICTED", reason: "NOT_PERMITTED", basis: null };
    await Promise.all(personIds.map((id) => this.record(id, [category], decision)));
    return allowed;
  }

  /**
   * Logs a decision a service made itself from its own data (e.g. case
   * membership in samhandling). `caseId`: the case (or information request)
   * whose data it released, when that is not simply the declared one — the log
   * names the case whose data left, so an audit of that case finds it.
   */
  async recordLocal(personIds: readonly string[], category: AccessCategory, decision: Decision, caseId?: string | null): Promise<void> {
    await Promise.all(personIds.map((id) => this.record(id, [category], decision, caseId)));
  }

  private async record(personId: string, categories: AccessCategory[], decision: Decision, caseId?: string | null): Promise<Decision> {
    const { actorId, actorService } = actorOf(this.info.caller);
    try {
      await this.recorder.append([
        {
          requestId: this.info.requestId,
          actorId,
          actorService,
          personId,
          categories,
          caseId: caseId === undefined ? (this.info.purpose?.caseId ?? null) : caseId,
          decision: decision.status,
          reason: decision.reason,
          basis: decision.basis,
          ...(decision.extraordinary ? { extraordinary: true } : {}),
        },
      ]);
    } catch {
      throw accessLogUnavailable();
    }
    return decision;
  }

  /** Asks on behalf of another actor without logging: the decision endpoint's own use (the asking service logs). */
  ask(caller: Caller, purpose: Purpose, questions: readonly DecisionQuestion[]): Promise<Decision[]> {
    return this.source.decide(this.request(caller, purpose), questions);
  }

  private request(caller: Caller, purpose: Purpose): DecisionRequest {
    return { caller, purpose, requestId: this.info.requestId, consentEpoch: this.info.consentEpoch ?? null };
  }

  /**
   * Builds a service's view of a person in layers (DESIGN.md, Verwijsindex):
   * SERVICE_DATA granted → the full view; else INVOLVEMENT granted → only
   * `involved` and `contact`; else the empty shape, built from the decisions
   * alone so it is the same whether or not the service holds data.
   *
   * Both categories are asked up front, not the second only after the first
   * is refused: so they land in the one batched decision call of the request
   * (and both are logged, release or refusal, before anything is released).
   */
  async serviceView<View extends ServiceViewData>(personId: string, reads: ServiceReads<View>): Promise<Guarded<View>> {
    const { decided, logged } = this.decideAndLog(personId, ["SERVICE_DATA", "INVOLVEMENT"]);
    const [data, involvement] = (await decided) as [Decision, Decision];
    if (data.status === "GRANTED") {
      const full = await afterLogging(reads.full(), logged);
      return { ...full, access: accessOf(AccessStatus.GRANTED, data) };
    }
    if (involvement.status !== "GRANTED") {
      await logged;
      return { access: accessOf(AccessStatus.RESTRICTED, data) } as Guarded<View>;
    }
    const fact = await afterLogging(reads.involvement(), logged);
    // The contact is the service's front door, never the clinician, unit or kind of help the service's own contact would tell;
    // and only while the service is involved (a contact then would tell history).
    const layer: Required<ServiceViewData> = { involved: fact.involved, contact: fact.involved && this.info.frontDoor ? frontDoor(this.info.frontDoor) : null };
    return { ...layer, access: accessOf(AccessStatus.INVOLVEMENT_ONLY, involvement) } as Guarded<View>;
  }

  /**
   * One category's data when granted, else null — the same null whether or
   * not the data exists (registry's person: null as for an unknown id). The
   * read runs while the decision is logged; nothing is released before.
   */
  async ifGranted<T>(personId: string, category: DataCategory, read: () => Promise<T>): Promise<T | null> {
    const { decided, logged } = this.decideAndLog(personId, [category]);
    const [decision] = (await decided) as [Decision];
    if (decision.status !== "GRANTED") {
      await logged;
      // Not null, which reads as "no such person" (a family with no one visible reads as no family): a client must
      // see that it may ask again. Raised before anything is read, whether or not the data exists, so it tells nothing.
      if (decision.reason === UNAVAILABLE.reason) throw decisionUnavailable();
      return null;
    }
    return afterLogging(read(), logged);
  }
}

/**
 * A read's result once the log entry is written. Both are awaited to the end, and
 * the log's failure wins: with the database down, both fail, and the answer says
 * ACCESS_LOG_UNAVAILABLE (data withheld because the look could not be logged),
 * not whatever the read happened to throw first.
 */
async function afterLogging<T>(read: Promise<T>, logged: Promise<unknown>): Promise<T> {
  const [data, log] = await Promise.allSettled([read, logged]);
  if (log.status === "rejected") throw log.reason;
  if (data.status === "rejected") throw data.reason;
  return data.value;
}

/** Marks a promise as handled (a caller may await only one of a pair) without changing what it settles to. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The front door as a view's contact: a reception, not a person. */
function frontDoor(door: FrontDoor): ContactPerson {
  return { name: door.name, role: "kontaktpunkt", phone: door.phone };
}

/** The decision as the view shows it. */
function accessOf(status: AccessStatus, decision: Decision): AccessDecision {
  return { status, reason: shownReason(decision.reason), ...shownBasis(decision.basis) };
}
