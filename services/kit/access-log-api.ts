// The access log as the API shows it: a person sees who has looked at their
// data in each service (`Person.<service>AccessLog`), and a service's auditors
// read that service's whole log (`Query.<service>AuditLog`). One factory, so
// every service exposes it the same way.
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { AUDITOR_ROLE, isCitizen } from "./auth/caller.ts";
import type { ServiceName } from "./catalog.ts";
import { hubError } from "./errors.ts";
import { DateTimeScalar } from "./scalars.ts";
import type { ClassType } from "./federation.ts";
import type { SubgraphContext } from "./subgraph.ts";

@Directive("@shareable")
@ObjectType({ description: "One look at personal data: who, when, what, for which case, and whether it was released." })
export class AccessLogEntry {
  @Field(() => DateTimeScalar, { description: "When." })
  at!: Date;

  @Field(() => String, { description: "Who looked: the employee's id (or a service, for internal checks)." })
  actorId!: string;

  @Field(() => String, { description: "The service the looker works for, or citizen." })
  actorService!: string;

  @Field(() => ID, { description: "Whose data." })
  personId!: string;

  @Field(() => [String], { description: "Which data categories." })
  categories!: string[];

  @Field(() => ID, { nullable: true, description: "The coordination case declared as purpose." })
  caseId?: string | null;

  @Field(() => String, { description: "GRANTED (released), RESTRICTED (refused) or WRITE (the service's own system or staff wrote a record about the person)." })
  decision!: string;

  @Field(() => String, { description: "The rule that decided." })
  reason!: string;

  @Field(() => String, { nullable: true, description: "The consent or legal basis that decided it." })
  basis?: string | null;

  @Field(() => String, { description: "The request it belonged to, for tracing." })
  requestId!: string;
}

const MAX_ENTRIES = 1000;

/**
 * @param person the class this subgraph uses for the Person entity (registry
 *   its own, the others the kit's PersonRef).
 */
export function accessLogResolver(service: ServiceName, person: ClassType): ClassType {
  @Resolver(() => person)
  class AccessLogResolver {
    @FieldResolver(() => [AccessLogEntry], {
      name: `${service}AccessLog`,
      nullable: true,
      description: `Who has looked at this person's data in ${service}, newest first. Only the person themself sees it; null for anyone else.`,
    })
    async personLog(@Root() root: { id: string }, @Ctx() ctx: SubgraphContext<unknown>) {
      const caller = ctx.caller;
      if (!isCitizen(caller) || caller.claims.personId !== root.id) return null;
      return ctx.accessLog.entriesForPerson(root.id, { limit: MAX_ENTRIES });
    }

    @Query(() => [AccessLogEntry], { name: `${service}AuditLog`, description: `${service}'s access log, newest first. For ${service}'s auditors only.` })
    async auditLog(
      @Arg("personId", () => ID, { nullable: true, description: "Only entries about this person." }) personId: string | null,
      @Arg("actorId", () => String, { nullable: true, description: "Only entries by this actor." }) actorId: string | null,
      @Arg("from", () => DateTimeScalar, { nullable: true, description: "From this time (inclusive)." }) from: Date | null,
      @Arg("to", () => DateTimeScalar, { nullable: true, description: "Until this time (exclusive)." }) to: Date | null,
      @Arg("limit", () => Int, { nullable: true, description: `At most this many entries (default and maximum ${MAX_ENTRIES}).` }) limit: number | null,
      @Ctx() ctx: SubgraphContext<unknown>,
    ) {
      const caller = ctx.caller;
      if (caller.kind !== "actor" || caller.claims.service !== service || !caller.claims.roles.includes(AUDITOR_ROLE)) {
        throw hubError("FORBIDDEN", `Only ${service}'s auditors may read ${service}'s access log.`);
      }
      if (limit !== null && (limit < 1 || limit > MAX_ENTRIES)) throw hubError("BAD_USER_INPUT", `limit must be between 1 and ${MAX_ENTRIES}.`);
      return ctx.accessLog.entries({ personId: personId ?? undefined, actorId: actorId ?? undefined, from: from ?? undefined, to: to ?? undefined, limit: limit ?? MAX_ENTRIES });
    }
  }
  return AccessLogResolver;
}
