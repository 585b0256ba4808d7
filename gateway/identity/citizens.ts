// The population register as the gateway asks it at a citizen's sign-in:
// which person an ID-porten token's national id names. registry answers over
// a signed internal call and logs the lookup in its access log; the answer is
// kept briefly, so a citizen's requests cost one lookup per few minutes, not
// one each. The national id stays in memory here and is never logged.
import type { InternalClient } from "../../services/kit/internal.ts";
import type { CitizenDirectory, RegisteredPerson } from "./claims.ts";

const SIGN_IN_PERSON = `query SignInPerson($nationalId: String!) { _signInPerson(nationalId: $nationalId) { personId name } }`;

/** At most this many national ids are remembered; past it the oldest are forgotten first. */
const MAX_REMEMBERED = 50_000;

/** The register cannot be asked right now (not the token's fault). */
export class RegisterUnavailable extends Error {
  constructor(detail: string) {
    super(`The population register could not be asked: ${detail}`);
    this.name = "RegisterUnavailable";
  }
}

export function registryCitizens(client: InternalClient, rememberMs: number): CitizenDirectory {
  const remembered = new Map<string, { person: Promise<RegisteredPerson | null>; until: number }>();
  return {
    find(nationalId) {
      const now = Date.now();
      const hit = remembered.get(nationalId);
      if (hit && hit.until > now) return hit.person;
      const person = client.query<{ _signInPerson: RegisteredPerson | null }>("registry", SIGN_IN_PERSON, { nationalId }).then(
        (data) => data._signInPerson,
        (error: unknown) => {
          remembered.delete(nationalId);
          throw new RegisterUnavailable(error instanceof Error ? error.message : String(error));
        },
      );
      remembered.delete(nationalId);
      remembered.set(nationalId, { person, until: now + rememberMs });
      if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      return person;
    },
  };
}
