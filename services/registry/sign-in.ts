// What sign-in needs from the population register: the gateway's lookup of
// the person an ID-porten token names by national identity number (internal,
// logged), and `viewer` — who the hub takes the signed-in caller for, so an
// app need not read the provider's claims itself (production's providers do
// not issue the hub's).
import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import type { Caller } from "../kit/auth/caller.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { RegistryLoaders } from "./data.ts";
import { ActorServiceEnum } from "../kit/access-enums.ts";
import { BASIS_TEXTS, shownActorService, type ActorServiceValue } from "../kit/access-values.ts";

type Context = SubgraphContext<RegistryLoaders>;

export const SIGN_IN_BASIS = BASIS_TEXTS.SIGN_IN;

@Directive("@inaccessible")
@ObjectType({ description: "Internal: the person a citizen's sign-in names." })
export class SignInPerson {
  @Field(() => ID, { description: "The person's opaque id." })
  personId!: string;

  @Field(() => String, { description: "The person's full name, as the hub shows it to them." })
  name!: string;
}

export enum ViewerKind {
  EMPLOYEE = "EMPLOYEE",
  CITIZEN = "CITIZEN",
  MACHINE = "MACHINE",
}
registerEnumType(ViewerKind, {
  name: "ViewerKind",
  description: "What kind of caller signed in.",
  valuesConfig: {
    EMPLOYEE: { description: "An employee or auditor of a service, signed in through the municipality's identity provider." },
    CITIZEN: { description: "A member of the public, signed in with a national eID (ID-porten)." },
    MACHINE: { description: "A service's own system, with a client-credentials token (Maskinporten style)." },
  },
});

export enum Assurance {
  SUBSTANTIAL = "SUBSTANTIAL",
  HIGH = "HIGH",
}
registerEnumType(Assurance, {
  name: "Assurance",
  description: "How sure a citizen's sign-in is of who they are (ID-porten's levels).",
  valuesConfig: {
    SUBSTANTIAL: { description: "Substantial (idporten-loa-substantial, e.g. MinID)." },
    HIGH: { description: "High (idporten-loa-high, e.g. BankID): needed to give or withdraw a consent." },
  },
});

@ObjectType({ description: "Who the hub takes the signed-in caller for: the hub's own claims, mapped by the gateway from the identity provider's token." })
export class Viewer {
  @Field(() => ViewerKind, { description: "Employee, citizen or machine." })
  kind!: ViewerKind;

  @Field(() => ID, { description: "The id the access logs record for this caller: an employee's actor id, `citizen-<person id>`, or a machine client's id." })
  actorId!: string;

  @Field(() => String, { description: "The name the hub shows for this caller." })
  name!: string;

  @Field(() => ActorServiceEnum, { description: "The service the caller acts for (NAV, SAMHANDLING, …), or CITIZEN." })
  service!: ActorServiceValue;

  @Field(() => [String], { description: "The hub's roles: `caseworker`, `auditor`, `citizen` or `integration`." })
  roles!: string[];

  @Field(() => String, { nullable: true, description: "An employee's unit, when their sign-in names one." })
  unit?: string | null;

  @Field(() => ID, { nullable: true, description: "A citizen's own person id (as `me`)." })
  personId?: string | null;

  @Field(() => Assurance, { nullable: true, description: "A citizen's level of assurance." })
  assurance?: Assurance | null;
}

function viewerOf(caller: Caller): Viewer | null {
  if (caller.kind === "machine") {
    return { kind: ViewerKind.MACHINE, actorId: caller.clientId, name: caller.clientId, service: shownActorService(caller.service), roles: ["integration"] };
  }
  if (caller.kind !== "actor") return null;
  const { sub, name, service, roles, unit, personId, assurance } = caller.claims;
  return {
    kind: service === "citizen" ? ViewerKind.CITIZEN : ViewerKind.EMPLOYEE,
    actorId: sub,
    name,
    service: shownActorService(service),
    roles,
    unit: unit ?? null,
    personId: personId ?? null,
    assurance: assurance === "high" ? Assurance.HIGH : assurance === "substantial" ? Assurance.SUBSTANTIAL : null,
  };
}

@Resolver()
export class SignInResolver {
  @Query(() => Viewer, { nullable: true, description: "Who the hub takes the caller for; null without a (valid) sign-in." })
  viewer(@Ctx() ctx: Context): Viewer | null {
    return viewerOf(ctx.caller);
  }

  @Directive("@inaccessible")
  @Query(() => SignInPerson, { nullable: true, description: "Internal, for the gateway only: the person with this national identity number; null when none is registered." })
  async _signInPerson(@Arg("nationalId", () => String, { description: "The `pid` of a verified ID-porten token." }) nationalId: string, @Ctx() ctx: Context): Promise<SignInPerson | null> {
    if (ctx.caller.kind !== "service" || ctx.caller.service !== "gateway") return null;
    const person = await ctx.loaders.personByNationalId.load(nationalId);
    if (!person) return null;
    if (!(await ctx.access.internalRelease([person.id], "IDENTITY", ["gateway"], SIGN_IN_BASIS))) return null;
    return { personId: person.id, name: `${person.givenName} ${person.familyName}` };
  }
}
