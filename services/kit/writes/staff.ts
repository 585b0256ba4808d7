// Whether a staff member's sign-in still makes them a writer: issue 17 keeps
// who works where in samhandling's employee directory, and an administrator's
// deactivation ends an employee's casework at once. Writes follow the same
// rule, asked over a signed internal call for every staff write (no cache: a
// deactivation holds from the next call). The service's own system (machine
// client) is no employee and is not asked about.
import type { HubClaims } from "../auth/caller.ts";
import type { InternalClient } from "../internal.ts";

export const ACTIVE_STAFF_WRITER = `query ActiveStaffWriter($actor: StaffWriterInput!) {
  _activeStaffWriter(actor: $actor)
}`;

/** Answers whether the directory holds the signed-in staff member as an active employee of their service; throws when samhandling cannot say. */
export type StaffDirectory = (claims: HubClaims, requestId: string) => Promise<boolean>;

export function staffDirectory(internal: InternalClient): StaffDirectory {
  return async (claims, requestId) => {
    const actor = { id: claims.sub, name: claims.name, service: claims.service, roles: claims.roles, unit: claims.unit ?? null };
    const data = await internal.query<{ _activeStaffWriter: boolean }>("samhandling", ACTIVE_STAFF_WRITER, { actor }, { requestId });
    return data._activeStaffWriter;
  };
}
