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
  dataCopy: "/kopi",
  auditLog: "/logg",
  review: "/gjennomgang",
  notifications: "/varsler",
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
    { path: PATHS.notifications, label: "nav.notifications" },
  ],
  citizen: [
    { path: PATHS.myCases, label: "nav.myCases" },
    { path: PATHS.myConsents, label: "nav.myConsents" },
    { path: PATHS.whoHasSeen, label: "nav.whoHasSeen" },
    { path: PATHS.dataCopy, label: "nav.dataCopy" },
    { path: PATHS.notifications, label: "nav.notifications" },
  ],
  auditor: [
    { path: PATHS.auditLog, label: "nav.auditLog" },
    { path: PATHS.review, label: "nav.review" },
  ],
};

/** Whether the role gets notifications (the badge and "Varsler"): those who take part in cases. */
export const hasNotifications = (role: AppRole): boolean => NAVIGATION[role].some((item) => item.path === PATHS.notifications);

/** Where a signed-in person lands: the first place of their navigation. */
export const homePath = (role: AppRole): string => NAVIGATION[role][0]!.path;
