// The one gate in front of personal data. Every service view of a person is
// built through `AccessGuard.view`, so the consent rules, the access log and
// the "no existence leak" shape live here and nowhere else.
import DataLoader from "dataloader";
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import type { ServiceName } from "./catalog.ts";

export enum AccessStatus {
  GRANTED = "GRANTED",
  RESTRICTED = "RESTRICTED",
}
registerEnumType(AccessStatus, {
  name: "AccessStatus",
  description: "Whether the caller may see a service's data about a person.",
  valuesConfig: {
    GRANTED: { description: "The data fields are filled in." },
    RESTRICTED: { description: "The data fields are null. Says nothing about whether the service holds data." },
  },
});

@Directive("@shareable")
@ObjectType("AccessDecision", { description: "How access to a service's view of a person was decided." })
export class AccessDecision {
  @Field(() => AccessStatus, { description: "Granted or restricted." })
  status!: AccessStatus;

  @Field(() => String, { description: "Why: the rule that decided, in a stable code (e.g. CONSENT, OWN_SERVICE, NO_CONSENT)." })
  reason!: string;

  @Field(() => String, { nullable: true, description: "The consent or legal basis that decided it, when one did." })
  basis?: string | null;
}

export interface AccessQuestion {
  personId: string;
  category: string;
}

/** Decides many questions at once; one call per request per service. */
export interface AccessPolicy {
  decide(service: ServiceName, questions: readonly AccessQuestion[]): Promise<AccessDecision[]>;
}

/**
 * Placeholder until consent lands (issue 3): grants everything and says so in
 * every answer. It exists so that every read already passes through the guard.
 */
export const openPolicy: AccessPolicy = {
  async decide(_service, questions) {
    return questions.map(() => ({ status: AccessStatus.GRANTED, reason: "NOT_ENFORCED", basis: null }));
  },
};

/** A view whose data fields are absent unless access was granted. */
export type Guarded<View> = { access: AccessDecision } & Partial<View>;

export class AccessGuard {
  private readonly decisions: DataLoader<AccessQuestion, AccessDecision, string>;

  constructor(
    private readonly service: ServiceName,
    policy: AccessPolicy,
  ) {
    this.decisions = new DataLoader((questions) => policy.decide(service, questions), {
      cacheKeyFn: (q) => `${q.personId}\u0000${q.category}`,
    });
  }

  /**
   * Decides, then reads only when granted. A restricted view is built from the
   * decision alone, so it is identical whether or not data exists.
   */
  async view<View extends object>(personId: string, category: string, read: () => Promise<View>): Promise<Guarded<View>> {
    const access = await this.decisions.load({ personId, category });
    if (access.status !== AccessStatus.GRANTED) return { access } as Guarded<View>;
    return { ...(await read()), access };
  }
}
