// The access log's closed sets as GraphQL enums, registered once here and
// used by every subgraph that shows a log entry or an access decision
// (federation composes a shared enum only if its definition is the same
// everywhere, so no subgraph defines its own). Values and descriptions come
// from access-values.ts and categories.ts.
import { registerEnumType } from "type-graphql";
import { ACCESS_BASES, ACCESS_LOG_DECISIONS, ACCESS_REASONS, ACTOR_SERVICE_VALUES, type AccessBasis, type AccessReason, type ActorServiceValue } from "./access-values.ts";
import { CATALOG } from "./catalog.ts";
import { ACCESS_LOG_DESCRIPTION, CATEGORY_DESCRIPTIONS, DATA_CATEGORIES, type AccessCategory } from "./categories.ts";

/** Added later, a value is an additive change: said in every enum's description, so a client's developer reads it where they look. */
const ADDITIVE =
  " Values may be added (never renamed or removed): a client shows one it does not know with general words.";

/** An enum object type-graphql takes: each value its own name. */
const enumOf = <V extends string>(values: readonly V[]): { [K in V]: K } => Object.fromEntries(values.map((v) => [v, v])) as { [K in V]: K };

const OUTCOME_WORDS = { granted: " Allows the look.", refused: " Refuses it.", either: "" } as const;

export const AccessReasonEnum = enumOf(Object.keys(ACCESS_REASONS) as AccessReason[]);
registerEnumType(AccessReasonEnum, {
  name: "AccessReason",
  description: "The rule that decided a look at personal data: why it was released, refused or written (docs/access-rules.md)." + ADDITIVE,
  valuesConfig: Object.fromEntries(Object.entries(ACCESS_REASONS).map(([v, e]) => [v, { description: `${e.description}${OUTCOME_WORDS[e.outcome]}` }])),
});

export const AccessBasisEnum = enumOf(Object.keys(ACCESS_BASES) as AccessBasis[]);
registerEnumType(AccessBasisEnum, {
  name: "AccessBasis",
  description: "What a decision rested on: a consent, a case or an information request (named by basisReference), or a legal basis." + ADDITIVE,
  valuesConfig: Object.fromEntries(Object.entries(ACCESS_BASES).map(([v, e]) => [v, { description: e.description }])),
});

export const DataCategoryEnum = enumOf(DATA_CATEGORIES);
registerEnumType(DataCategoryEnum, {
  name: "DataCategory",
  description: "A kind of data a consent can cover (FHIR Consent provision.class)." + ADDITIVE,
  valuesConfig: Object.fromEntries(DATA_CATEGORIES.map((c) => [c, { description: CATEGORY_DESCRIPTIONS[c] }])),
});

const ACCESS_CATEGORIES: readonly AccessCategory[] = [...DATA_CATEGORIES, "ACCESS_LOG"];
export const AccessCategoryEnum = enumOf(ACCESS_CATEGORIES);
registerEnumType(AccessCategoryEnum, {
  name: "AccessCategory",
  description: "What a look at personal data was about: a data category a consent covers, or the person's access log itself." + ADDITIVE,
  valuesConfig: Object.fromEntries(ACCESS_CATEGORIES.map((c) => [c, { description: c === "ACCESS_LOG" ? ACCESS_LOG_DESCRIPTION : CATEGORY_DESCRIPTIONS[c] }])),
});

export const AccessLogDecisionEnum = enumOf(Object.keys(ACCESS_LOG_DECISIONS) as (keyof typeof ACCESS_LOG_DECISIONS)[]);
registerEnumType(AccessLogDecisionEnum, {
  name: "AccessLogDecision",
  description: "What became of a look at personal data: released, refused or written." + ADDITIVE,
  valuesConfig: Object.fromEntries(Object.entries(ACCESS_LOG_DECISIONS).map(([v, description]) => [v, { description }])),
});

const SPECIAL_ACTORS: Record<"GATEWAY" | "CITIZEN" | "NONE" | "OTHER", string> = {
  GATEWAY: "The hub's gateway, on its own behalf (signing a person in).",
  CITIZEN: "A member of the public, signed in: the person themself or a guardian.",
  NONE: "No one signed in: a refused attempt.",
  OTHER: "A service this version of the hub has no name for (an entry written by another version).",
};
const actorDescription = (value: ActorServiceValue): string => {
  const entry = CATALOG.find((e) => e.name.toUpperCase() === value);
  if (!entry) return SPECIAL_ACTORS[value as keyof typeof SPECIAL_ACTORS];
  const title = entry.title.nb === entry.title.en ? entry.title.en : `${entry.title.en} (${entry.title.nb})`;
  return `${title}: one of its employees, its own system, or the hub's process of that name.`;
};
const ACTOR_SERVICES: readonly ActorServiceValue[] = [...ACTOR_SERVICE_VALUES.map((s) => s.toUpperCase() as ActorServiceValue), "OTHER"];
export const ActorServiceEnum = enumOf(ACTOR_SERVICES);
registerEnumType(ActorServiceEnum, {
  name: "ActorService",
  description: "The service a looker acted for, as the access log names it." + ADDITIVE,
  valuesConfig: Object.fromEntries(ACTOR_SERVICES.map((v) => [v, { description: actorDescription(v) }])),
});
