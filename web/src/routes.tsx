// The app's routes. Every place of the navigation is guarded by role; a page
// for someone not signed in is the sign-in page, for the wrong role "Ingen
// tilgang". Every data page is a `lazy` route, so each page's code loads with it.
import type { ComponentType, ReactNode } from "react";
import { Navigate, type RouteObject } from "react-router";
import { useUser } from "./auth/AuthProvider.tsx";
import type { AppRole } from "./auth/session.ts";
import { RouteErrorPage, StartupErrorPage } from "./pages/ErrorPage.tsx";
import { SignInCallback } from "./pages/SignInCallback.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { ForbiddenPage, NotFoundPage, SignInNotConfiguredPage } from "./pages/SimplePages.tsx";
import { Layout } from "./shell/Layout.tsx";
import { homePath, PATHS } from "./shell/navigation.ts";

function RequireRole({ roles, children }: { roles: readonly AppRole[]; children: ReactNode }) {
  const user = useUser();
  if (!user) return <SignInPage required />;
  if (!roles.includes(user.role)) return <ForbiddenPage />;
  return <>{children}</>;
}

function Home() {
  const user = useUser();
  return user ? <Navigate to={homePath(user.role)} replace /> : <SignInPage />;
}

/** A data page, its code loaded when the route is first visited. */
const guardedPage = (path: string, roles: readonly AppRole[], load: () => Promise<ComponentType>): RouteObject => ({
  path,
  lazy: async () => {
    const Page = await load();
    return { element: <RequireRole roles={roles}><Page /></RequireRole> };
  },
});

function withLayout(children: RouteObject[]): RouteObject[] {
  // The boundary sits inside the layout, so a failed page keeps the header, navigation and footer.
  return [{ element: <Layout />, children: [{ errorElement: <RouteErrorPage />, children }] }];
}

export function appRoutes(): RouteObject[] {
  return withLayout([
    { index: true, element: <Home /> },
    { path: PATHS.signInCallback, element: <SignInCallback /> },
    { path: PATHS.signInNotConfigured, element: <SignInNotConfiguredPage /> },
    guardedPage(PATHS.myCases, ["employee", "citizen"], async () => (await import("./cases/MyCasesPage.tsx")).MyCasesPage),
    guardedPage(PATHS.case, ["employee", "citizen"], async () => (await import("./cases/CasePage.tsx")).CasePage),
    guardedPage(PATHS.findPerson, ["employee"], async () => (await import("./findPerson/FindPersonPage.tsx")).FindPersonPage),
    guardedPage(PATHS.myConsents, ["citizen"], async () => (await import("./consents/MyConsentsPage.tsx")).MyConsentsPage),
    guardedPage(PATHS.whoHasSeen, ["citizen"], async () => (await import("./innsyn/WhoHasSeenPage.tsx")).WhoHasSeenPage),
    guardedPage(PATHS.dataCopy, ["citizen"], async () => (await import("./dataCopy/DataCopyPage.tsx")).DataCopyPage),
    guardedPage(PATHS.notifications, ["employee", "citizen"], async () => (await import("./notifications/NotificationsPage.tsx")).NotificationsPage),
    guardedPage(PATHS.auditLog, ["auditor"], async () => (await import("./audit/AuditLogPage.tsx")).AuditLogPage),
    guardedPage(PATHS.review, ["auditor"], async () => (await import("./audit/ReviewPage.tsx")).ReviewPage),
    { path: "*", element: <NotFoundPage /> },
  ]);
}

/** When the app cannot start: every path shows why, in the same frame. */
export function startupErrorRoutes(): RouteObject[] {
  return withLayout([{ path: "*", element: <StartupErrorPage /> }]);
}
