// The kinds of notification, once: what each tells, whom it goes to and what
// makes it. The GraphQL enum (types.ts), the producers, the scheduler and the
// docs read this list. No decorators here, so tests, the docs and the web's
// codegen checks can read it without type-graphql.
//
// A kind is only ever added (clients show one they do not know with general
// words); never renamed or taken away, since stored rows keep what they were
// written as (`notification.kind` is text, so adding one needs no migration).

/** What makes a notification: a change someone made (written in its transaction), or the clock (the scheduler). */
export type NotificationSource = "event" | "time";

interface KindEntry {
  source: NotificationSource;
  /** What it tells, and to whom: the enum value's description. */
  description: string;
  /**
   * It rests on a consent (the row's `consentId`): hidden once that consent is withdrawn or no longer
   * in force, as the consent's own list shows it.
   */
  restsOnConsent: boolean;
}

export const NOTIFICATION_KINDS = {
  HANDOVER_PROPOSED: {
    source: "event",
    restsOnConsent: false,
    description: "The case's stafettholder or coordinator proposed to hand the baton to you: accept or decline it in the case. To the proposed member.",
  },
  HANDOVER_ACCEPTED: {
    source: "event",
    restsOnConsent: false,
    description: "The member you proposed to hand the baton to accepted it: they now hold it. To the member who proposed it.",
  },
  HANDOVER_DECLINED: {
    source: "event",
    restsOnConsent: false,
    description: "The member you proposed to hand the baton to declined it: you still hold it. To the member who proposed it.",
  },
  STAFETTLOGG_ENTRY: {
    source: "event",
    restsOnConsent: false,
    description:
      "A new entry in the stafettlogg of a case you take part in. To the case's professional members who may read the entry (its service's consent covers them), not its author.",
  },
  MEETING_SCHEDULED: {
    source: "event",
    restsOnConsent: false,
    description: "A meeting was scheduled in a case you take part in. To the case's active members, not the one who scheduled it.",
  },
  MEETING_MOVED: {
    source: "event",
    restsOnConsent: false,
    description: "A planned meeting was moved to another time. To the case's active members, not the one who moved it.",
  },
  MEETING_CANCELLED: {
    source: "event",
    restsOnConsent: false,
    description: "A planned meeting was cancelled. To the case's active members, not the one who cancelled it.",
  },
  FOLLOW_UP_ASSIGNED: {
    source: "event",
    restsOnConsent: false,
    description: "You were made responsible for a follow-up (a measure) in a case. To the responsible member, unless they made it themselves.",
  },
  FOLLOW_UP_DUE_SOON: {
    source: "time",
    restsOnConsent: false,
    description: "A follow-up you are responsible for is due within 3 days. To the responsible member.",
  },
  FOLLOW_UP_OVERDUE: {
    source: "time",
    restsOnConsent: false,
    description: "A follow-up you are responsible for is past its due date and not done. To the responsible member.",
  },
  LEVEL_DEADLINE_SOON: {
    source: "time",
    restsOnConsent: false,
    description: "A BTI case's level 0 must be decided within 3 days (14 days from the concern). To the case's stafettholder.",
  },
  LEVEL_DEADLINE_PASSED: {
    source: "time",
    restsOnConsent: false,
    description: "A BTI case's 14-day deadline for deciding level 0 has passed without a decision. To the case's stafettholder.",
  },
  CONSENT_RECORDED: {
    source: "event",
    restsOnConsent: true,
    description:
      "An employee recorded a consent or a refusal on your behalf or on your child's (a signed paper form, or a refusal you stated): check it under your consents. To the citizen who gave it.",
  },
  CONSENT_EXPIRING: {
    source: "time",
    restsOnConsent: true,
    description: "A consent you gave runs out within 30 days: renew it if the cooperation is to continue. To the citizen who gave it.",
  },
  INVOLVEMENT_SIGNAL: {
    source: "event",
    restsOnConsent: true,
    description:
      "A service the case's consent covers has started an involvement with a subject of the case: invite them through their front door. To the case's stafettholder, while the consent covers it.",
  },
} as const satisfies Record<string, KindEntry>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const NOTIFICATION_KIND_VALUES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export const isNotificationKind = (value: string): value is NotificationKind => Object.hasOwn(NOTIFICATION_KINDS, value);
