// GraphQL types of notifications: the kind enum (from kinds.ts), a
// notification as its recipient sees it, and their preferences.
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";
// ServiceName is registered as a GraphQL enum with the case's types.
import "../cases/types.ts";
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_VALUES, type NotificationKind } from "./kinds.ts";

/** An enum object type-graphql takes: each value its own name. */
export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KIND_VALUES.map((v) => [v, v])) as { [K in NotificationKind]: K };
registerEnumType(NotificationKindEnum, {
  name: "NotificationKind",
  description:
    "What a notification tells. Values may be added (never renamed or removed): a client shows one it does not know with general words and a link to its case.",
  valuesConfig: Object.fromEntries(
    Object.entries(NOTIFICATION_KINDS).map(([v, e]) => [v, { description: `${e.description}${e.source === "time" ? " Made by the hub's clock, once per due date." : ""}` }]),
  ),
});

@ObjectType("Notification", {
  description:
    "Something that happened in a case you take part in, told to you. It says only what you may read in the hub now: " +
    "once you leave the case, or the consent behind it is withdrawn, it is no longer shown (nor counted).",
})
export class NotificationView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => NotificationKindEnum, { description: "What it tells." })
  kind!: NotificationKind;

  @Field(() => DateTimeScalar, { description: "When it happened." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When you marked it read; null while unread." })
  readAt!: Date | null;

  @Field(() => ID, { description: "The case it concerns: link to it with this id." })
  caseId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The case's title, as your cases show it now; null when you see the notification but take no part in the case (a consent you gave for your child in a case you are not a member of).",
  })
  caseTitle!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "The time it points to: a meeting's (new) start, a follow-up's due date, the level-0 deadline, the day a consent runs out; null for the other kinds.",
  })
  at!: Date | null;

  @Field(() => ServiceName, { nullable: true, description: "The service concerned: the stafettlogg entry's author service, or the service now involved; null for the other kinds." })
  service!: ServiceName | null;
}

@ObjectType("NotificationKindSetting", { description: "Whether you are told of one kind of notification." })
export class NotificationKindSetting {
  @Field(() => NotificationKindEnum, { description: "The kind." })
  kind!: NotificationKind;

  @Field(() => Boolean, { description: "True: you are told of it (the default). False: none of this kind is made for you." })
  enabled!: boolean;
}

@ObjectType("NotificationPreferences", { description: "What you want to be told, and how. Until you change them: every kind, no e-mail." })
export class NotificationPreferences {
  @Field(() => [NotificationKindSetting], { description: "Every kind of notification, and whether you are told of it." })
  kinds!: NotificationKindSetting[];

  @Field(() => Boolean, { description: "Whether each new notification is also sent by e-mail: a short message with a link to the hub, never what the notification is about." })
  email!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The address the e-mail goes to, as you entered it (the employee directory holds none); null until you enter one. Shown to you alone.",
  })
  emailAddress!: string | null;
}

@InputType("NotificationPreferencesInput", { description: "Changes to your notification preferences; what is left out stays as it is." })
export class NotificationPreferencesInput {
  @Field(() => [NotificationKindEnum], { nullable: true, description: "The kinds you do not want to be told of; every other kind is on. Left out: unchanged." })
  disabledKinds?: NotificationKind[] | null;

  @Field(() => Boolean, { nullable: true, description: "Whether to be told by e-mail too. Left out: unchanged." })
  email?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "The address to send the e-mail to (at most 254 characters). An empty text removes it. Left out: unchanged. Without one no e-mail is sent.",
  })
  emailAddress?: string | null;
}
