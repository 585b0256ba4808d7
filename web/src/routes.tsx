// The app's routes. Every place of the navigation is guarded by role; a page
// for someone not signed in is the sign-in page, for the wrong role "Ingen
// tilgang". Data pages replace the UnderConstructionPage elements one by one
// (as `lazy` routes, so each page's code loads with it).
import type { ComponentType, ReactNode } from "react";
import { Navigate, type RouteObject } from "react-router";
import { useUser } from "./auth/AuthProvider.tsx";
import type { AppRole } from "./auth/session.ts";
import { RouteErrorPage, StartupErrorPage } from "./pages/ErrorPage.tsx";
import { SignInCallback } from "./pages/SignInCallback.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { ForbiddenPage, NotFoundPage, SignInNotConfiguredPage, UnderConstructionPage } from "./pages/SimplePages.tsx";
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

const guarded = (path: string, roles: readonly AppRole[], page: ReactNode): RouteObject => ({
  path,
  element: <RequireRole roles={roles}>{page}</RequireRole>,
});

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
    guarded(PATHS.findPerson, ["employee"], <UnderConstructionPage title="nav.findPerson" />),
    guarded(PATHS.myConsents, ["citizen"], <UnderConstructionPage title="nav.myConsents" />),
    guarded(PATHS.whoHasSeen, ["citizen"], <UnderConstructionPage title="nav.whoHasSeen" />),
    guarded(PATHS.auditLog, ["auditor"], <UnderConstructionPage title="nav.auditLog" />),
    guarded(PATHS.review, ["auditor"], <UnderConstructionPage title="nav.review" />),
    { path: "*", element: <NotFoundPage /> },
  ]);
}

/** When the app cannot start: every path shows why, in the same frame. */
export function startupErrorRoutes(): RouteObject[] {
  return withLayout([{ path: "*", element: <StartupErrorPage /> }]);
}
