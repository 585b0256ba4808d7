// A service's write API, from the kinds of records it declares in its own
// writes.ts: one mutation, `write<Service>(records, dryRun)`, whose record
// input has one field per operation — the kit's `startInvolvement`,
// `updateInvolvement` and `endInvolvement` for every service, and for each
// kind of the service's own `<kind>` (create or update) and `end<Kind>`.
// The same input type is the import's line format (npm run import) and the
// JSON Schema published in docs/integration/.
import { Arg, Ctx, Field, InputType, Mutation, Resolver } from "type-graphql";
import type { AccessLog } from "../access-log.ts";
import { serviceEntry, type FrontDoor, type ViewService } from "../catalog.ts";
import type { ClassType } from "../federation.ts";
import { hubError } from "../errors.ts";
import type { InternalClient } from "../internal.ts";
import type { Caller } from "../auth/caller.ts";
import { INVOLVEMENT_KIND, type RawSql } from "./involvement.ts";
import type { AnyKind } from "./kinds.ts";
import { capitalised, MAX_RECORDS_PER_CALL, recordInputName, writeMutation } from "./names.ts";
import { writeService, type Operation, type SentRecord, type Transaction, type WriteService } from "./run.ts";
import { InvolvementSignals } from "./signals.ts";
import { staffDirectory } from "./staff.ts";
import { EndRecordInput, WriteBatch, type RecordKeyInput } from "./types.ts";

/** What the mutation reads of a request's context (kit/subgraph.ts's SubgraphContext). */
interface WriteContext {
  caller: Caller;
  requestId: string;
  writes?: WriteService;
}

/** What a running service hands its write API. */
export interface WriteDeps {
  internal: InternalClient;
  accessLog: AccessLog;
  /** The service's front door in this deployment (config: the catalog's, or FRONT_DOOR_NAME_<SERVICE>). */
  frontDoor: FrontDoor | null;
}

export interface WriteDefinition<Client> {
  service: ViewService;
  /** The `write<Service>` mutation: list it among the service's resolvers. */
  resolver: ClassType;
  /** The operations a record may name, in the order the schema lists them. */
  operations: readonly Operation<unknown>[];
  /** The write API on the running service's database (services/kit/server.ts). */
  bind(client: Client, deps: WriteDeps): WriteService;
}

/** Prisma's interactive transaction takes 5 s at most by default; a call of 500 records on a busy machine may need more. */
export const WRITE_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;

function operationsOf<Tx>(kinds: readonly AnyKind<Tx>[]): Operation<Tx>[] {
  const involvement = INVOLVEMENT_KIND as AnyKind<Tx>;
  const operations: Operation<Tx>[] = [
    { field: "startInvolvement", kind: involvement, mode: "upsert" },
    { field: "updateInvolvement", kind: involvement, mode: "update" },
    { field: "endInvolvement", kind: involvement, mode: "end" },
  ];
  for (const kind of kinds) {
    operations.push({ field: kind.name, kind, mode: "upsert" });
    if (kind.end) operations.push({ field: `end${capitalised(kind.name)}`, kind, mode: "end" });
  }
  const fields = operations.map((o) => o.field);
  const twice = fields.find((f, i) => fields.indexOf(f) !== i);
  if (twice) throw new Error(`Two write operations are named ${twice}: rename the kind.`);
  return operations;
}

const OPERATION_DESCRIPTION: Record<Operation<unknown>["mode"], (kind: AnyKind<unknown>) => string> = {
  upsert: (kind) => `${kind.description} Creates the record under its source key, or makes it say this.`,
  update: (kind) => `Changes an involvement written before (NOT_FOUND when there is none under the source key). ${kind.description}`,
  end: (kind) => `Ends one written before, as of \`endedOn\` (NOT_FOUND when there is none under the source key). ${kind.description}`,
};

/**
 * The write API of a service. `kinds`: its own kinds of records;
 * `transaction`: its Prisma client's interactive transaction (with WRITE_TRANSACTION).
 */
export function serviceWrites<Client extends RawSql, Tx extends RawSql>(options: {
  service: ViewService;
  kinds: readonly AnyKind<Tx>[];
  transaction: (client: Client) => Transaction<Tx>;
}): WriteDefinition<Client> {
  const { service } = options;
  const operations = operationsOf(options.kinds);
  const entry = serviceEntry(service);

  // One optional field per operation; a record sets exactly one (checked in sent(), below).
  class RecordInput {}
  for (const operation of operations) {
    const input = operation.mode === "end" ? EndRecordInput : operation.kind.input;
    Field(() => input, { nullable: true, description: OPERATION_DESCRIPTION[operation.mode](operation.kind) })(RecordInput.prototype, operation.field);
  }
  InputType(recordInputName(service), {
    description: `One record written to ${entry.title.en} (${service}): set exactly one field, the operation. Also one line of an import file (docs/integration/${service}.schema.json).`,
  })(RecordInput);

  const fields = operations.map((o) => o.field);
  /** Which operation a record names, or why it names none. */
  function sent(record: RecordInput, index: number): SentRecord {
    const values = record as Record<string, RecordKeyInput | null | undefined>;
    const set = fields.filter((field) => values[field] != null);
    if (set.length === 1) return { index, operation: set[0]!, input: values[set[0]!]! };
    return {
      index,
      operation: set.join("+") || "none",
      input: null,
      problem: { code: "BAD_USER_INPUT", field: null, message: `Set exactly one operation in a record (one of ${fields.join(", ")}); this one sets ${set.length}.` },
    };
  }

  @Resolver()
  class WriteResolver {
    @Mutation(() => WriteBatch, {
      name: writeMutation(service),
      description:
        `Writes ${service}'s own records about persons: for ${service}'s own staff (caseworker, active in the employee directory) and ${service}'s own system (its machine client, scope ${service}:write) only. ` +
        `All records of a call are written, or none (one transaction); a record is known by its source key, so sending it again changes nothing (UNCHANGED). ` +
        `The answer repeats what was sent and what became of it — never anything the hub holds. Every write is in ${service}'s access log.`,
    })
    async write(
      @Arg("records", () => [RecordInput], { description: `The records, at most ${MAX_RECORDS_PER_CALL}.` }) records: RecordInput[],
      @Arg("dryRun", () => Boolean, { defaultValue: false, description: "Check and compare only: nothing is written, the answer says what would be." }) dryRun: boolean,
      @Ctx() ctx: WriteContext,
    ): Promise<WriteBatch> {
      if (!ctx.writes) throw hubError("SERVICE_UNAVAILABLE", `${service}'s write API is not running in this process. Try again shortly.`);
      return ctx.writes.write({ caller: ctx.caller, requestId: ctx.requestId }, records.map(sent), dryRun);
    }
  }

  return {
    service,
    resolver: WriteResolver,
    operations: operations as Operation<unknown>[],
    bind(client, deps) {
      const signals = new InvolvementSignals(service, client, deps.internal, deps.frontDoor);
      // Starts marked before a restart go out without waiting for the next write.
      setImmediate(() => void signals.deliver());
      const byField = new Map(operations.map((o) => [o.field, o]));
      return writeService({ service, operations: byField, transaction: options.transaction(client), accessLog: deps.accessLog, signals, staff: staffDirectory(deps.internal) });
    },
  };
}
