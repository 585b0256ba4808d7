// The app's places, by role: the main navigation and each role's home.
import type { AppRole } from "../auth/session.ts";
import type { PlainMessageKey } from "../i18n/messages.ts";

export const PATHS = {
  home: "/",
  myCases: "/saker",
  case: "/saker/:caseId",
  findPerson: "/finn-person",
  myConsents: "/samtykker",
  whoHasSeen: "/innsyn",
  auditLog: "/logg",
  review: "/gjennomgang",
  signInCallback: "/auth/callback",
  signInNotConfigured: "/logg-inn/ikke-klar",
} as const;

/** A case's page. The id is the case's opaque id, which says nothing about the persons it concerns. */
export const casePath = (caseId: string): string => `${PATHS.myCases}/${encodeURIComponent(caseId)}`;

export interface NavItem {
  path: string;
  label: PlainMessageKey;
}

export const NAVIGATION: Record<AppRole, readonly NavItem[]> = {
  employee: [
    { path: PATHS.myCases, label: "nav.myCases" },
    { path: PATHS.findPerson, label: "nav.findPerson" },
  ],
  citizen: [
    { path: PATHS.myCases, label: "nav.myCases" },
    { path: PATHS.myConsents, label: "nav.myConsents" },
    { path: PATHS.whoHasSeen, label: "nav.whoHasSeen" },
  ],
  auditor: [
    { path: PATHS.auditLog, label: "nav.auditLog" },
    { path: PATHS.review, label: "nav.review" },
  ],
};

/** Where a signed-in person lands: the first place of their navigation. */
export const homePath = (role: AppRole): string => NAVIGATION[role][0]!.path;
