// What a suite does to set up work the way issue 17 has it: a case opened
// from a task (a concern of the opener's, or a referral), and a consent the
// person really gave (signed in themselves, or on a form a second member attests).
import type { HubClaims } from "../../services/kit/auth/caller.ts";
import { gateway, type GraphQLResponse } from "./graphql.ts";

type Send = <Data>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse<Data>>;

/** The hub's claims of a citizen who is the registry person `personId`, signed in at the high level: for a call signed straight to a subgraph (the gateway's tokens come from the identity provider, `asUser`). */
export const citizenClaims = (personId: string): HubClaims => ({ sub: `citizen-${personId}`, name: "Innbygger", service: "citizen", roles: ["citizen"], personId, assurance: "high" });

function must<T>(res: GraphQLResponse<T>, what: string): T {
  if (res.errors || !res.data) throw new Error(`${what} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Registers a concern as the caller of `headers` about `subjectId`; its id. */
export async function registerConcern(headers: Record<string, string>, subjectId: string, send: Send = gateway): Promise<string> {
  const data = must(
    await send<{ registerConcern: { id: string } }>(`mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`, { input: { subjectId, text: "Bekymring fra testen." } }, headers),
    "registerConcern",
  );
  return data.registerConcern.id;
}

/**
 * The task part of an OpenCaseInput for a case of `kind` about `personId`: a BTI
 * case from a concern the opener registers now, any other from a referral.
 */
export async function taskFor(headers: Record<string, string>, kind: string, personId: string, send: Send = gateway): Promise<Record<string, unknown>> {
  if (kind === "BTI") return { concernId: await registerConcern(headers, personId, send) };
  return { referral: { kind: "REFERRAL", reference: "Henvisning, testarkiv 2026/1" } };
}

/** Opens a case from a task (`taskFor`) with the rest of `input`; the answer's `selection` of it. */
export async function openCase<T = { id: string }>(
  headers: Record<string, string>,
  input: { kind: string; subjectIds: string[] } & Record<string, unknown>,
  selection = "id",
  send: Send = gateway,
): Promise<T> {
  const task = await taskFor(headers, input.kind, input.subjectIds[0]!, send);
  const data = must(await send<{ openCase: T }>(`mutation ($input: OpenCaseInput!) { openCase(input: $input) { ${selection} } }`, { input: { title: "Sak fra testen", ...input, ...task } }, headers), "openCase");
  return data.openCase;
}

/**
 * A consent recorded by one member from the person's signed form and attested
 * by another, so it counts; its id. `input` as for grantConsent, givenById included.
 */
export async function attestedFormConsent(recorder: Record<string, string>, attester: Record<string, string>, input: Record<string, unknown>, send: Send = gateway): Promise<string> {
  const recorded = must(
    await send<{ recordConsentForm: { id: string } }>(`mutation ($input: RecordConsentFormInput!) { recordConsentForm(input: $input) { id } }`, { input: { formReference: "Samtykkeskjema, testarkiv", ...input } }, recorder),
    "recordConsentForm",
  );
  const id = recorded.recordConsentForm.id;
  must(await send(`mutation ($id: ID!) { attestConsent(id: $id) { id } }`, { id }, attester), "attestConsent");
  return id;
}
