// The GraphQL types every service's write API shares (services/kit/writes/):
// the source key a record is known by, the involvement every view service can
// register, and the answer of a write — only what the writer sent, and what
// became of it. Defined alike in every subgraph, hence @shareable.
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../scalars.ts";

export const WriteOutcome = { CREATED: "CREATED", UPDATED: "UPDATED", UNCHANGED: "UNCHANGED" } as const;
export type WriteOutcome = (typeof WriteOutcome)[keyof typeof WriteOutcome];
registerEnumType(WriteOutcome, {
  name: "WriteOutcome",
  description: "What a write did to the record its source key names.",
  valuesConfig: {
    CREATED: { description: "The hub had no record under this source key; now it has." },
    UPDATED: { description: "The record changed (ending a record is an update)." },
    UNCHANGED: { description: "The record already said exactly this: the write changed nothing (sending the same thing twice is safe)." },
  },
});

// Never a field's type itself (so never in the schema): the fields every record input inherits.
@InputType({ description: "What every record written to a service is known by." })
export class RecordKeyInput {
  @Field(() => String, { description: "The journal system the record comes from, e.g. `modia`, `visma-flyt-skole`. Together with `sourceId`, unique per service and kind of record." })
  sourceSystem!: string;

  @Field(() => String, { description: "The record's id in that system. Writing the same source key again updates the record; nothing is ever duplicated." })
  sourceId!: string;

  @Field(() => ID, { description: "The person the record is about: the hub's opaque person id (never the national identity number)." })
  personId!: string;
}

@InputType("EndRecordInput", { description: "Ends a record the service wrote before, as of a day." })
export class EndRecordInput extends RecordKeyInput {
  @Field(() => DateScalar, { description: "The day it ended (or ends)." })
  endedOn!: Date;
}

@InputType("FrontDoorInput", { description: "A service's front door: a reception or the municipality's koordinerende enhet — never a person, and never a unit whose name tells the kind of help." })
export class FrontDoorInput {
  @Field(() => String, { description: "Its name, e.g. NAV Fjordvik, publikumsmottaket." })
  name!: string;

  @Field(() => String, { description: "Its telephone number." })
  phone!: string;
}

@InputType("ContactInput", { description: "The person to call about the involvement (shown only in the service's full view)." })
export class ContactInput {
  @Field(() => String, { description: "The contact's name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Their role, e.g. veileder, kontaktlærer, helsesykepleier." })
  role?: string | null;

  @Field(() => String, { nullable: true, description: "Work telephone number." })
  phone?: string | null;
}

@InputType("InvolvementInput", {
  description:
    "That the service is involved with a person (the fact the INVOLVEMENT category shares): since when, until when, its front door and the personal contact. Starting it while a case's consent covers the service's INVOLVEMENT tells that case's stafettholder.",
})
export class InvolvementInput extends RecordKeyInput {
  @Field(() => DateScalar, { description: "Since when the service is involved." })
  startedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if it has ended or its end is known." })
  endedOn?: Date | null;

  @Field(() => FrontDoorInput, { nullable: true, description: "Where an INVOLVEMENT-only view points for this involvement; absent: the service's front door." })
  frontDoor?: FrontDoorInput | null;

  @Field(() => ContactInput, { nullable: true, description: "The personal contact; absent: none." })
  contact?: ContactInput | null;
}

@Directive("@shareable")
@ObjectType("WriteRefusal", { description: "Why one record of a write was refused. Nothing of the call was written." })
export class WriteRefusal {
  @Field(() => String, { description: "A code from the error registry: BAD_USER_INPUT, CONFLICT, NOT_FOUND." })
  code!: string;

  @Field(() => String, { description: "What is wrong and what to do, without personal data." })
  message!: string;

  @Field(() => String, { nullable: true, description: "The input field at fault, as a path (e.g. `measure.endsAt`)." })
  field?: string | null;
}

@Directive("@shareable")
@ObjectType("WriteResult", { description: "One record of a write: what the writer sent to identify it, and what became of it — never anything the hub held." })
export class WriteResult {
  @Field(() => Int, { description: "Its place in the call's `records`, from 0." })
  index!: number;

  @Field(() => String, { description: "Which write it was: the field set in the record, e.g. `measure`, `endMeasure`, `startInvolvement`." })
  operation!: string;

  @Field(() => String, { nullable: true, description: "As sent." })
  sourceSystem?: string | null;

  @Field(() => String, { nullable: true, description: "As sent." })
  sourceId?: string | null;

  @Field(() => ID, { nullable: true, description: "As sent." })
  personId?: string | null;

  @Field(() => WriteOutcome, { nullable: true, description: "What the write did (or, in a dry run or a refused call, would do); null for a refused record." })
  outcome?: WriteOutcome | null;

  @Field(() => WriteRefusal, { nullable: true, description: "Why the record was refused; null when it was not." })
  refusal?: WriteRefusal | null;
}

@Directive("@shareable")
@ObjectType("WriteBatch", { description: "The answer to one write call: all of it was written, or none of it." })
export class WriteBatch {
  @Field(() => Boolean, { description: "Whether the call's records were written (false for a dry run, and whenever a record was refused)." })
  written!: boolean;

  @Field(() => Boolean, { description: "A dry run: checked and compared in a transaction that was rolled back." })
  dryRun!: boolean;

  @Field(() => Int, { description: "Records created (or that would be)." })
  created!: number;

  @Field(() => Int, { description: "Records updated (or that would be)." })
  updated!: number;

  @Field(() => Int, { description: "Records already as sent." })
  unchanged!: number;

  @Field(() => Int, { description: "Records refused; when any is, nothing was written." })
  refused!: number;

  @Field(() => [WriteResult], { description: "One per record, in the order sent." })
  results!: WriteResult[];
}
