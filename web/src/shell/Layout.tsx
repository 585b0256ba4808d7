// The frame around every page: skip link, header, main, footer (landmarks in
// that order), the route-change loading indicator and the path-change count
// that lets a page move focus to its heading.
import { useRef, type MouseEvent } from "react";
import { Paragraph, SkipLink } from "@digdir/designsystemet-react";
import { Outlet, useLocation, useNavigation } from "react-router";
import { useAuth, useUser } from "../auth/AuthProvider.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { UnreadCountProvider } from "../notifications/unread.tsx";
import { Header } from "./Header.tsx";
import { hasNotifications } from "./navigation.ts";
import { Loading } from "./Loading.tsx";
import { PathChangesContext } from "./Page.tsx";

export const MAIN_ID = "main";

function usePathChanges(): number {
  const { pathname } = useLocation();
  const seen = useRef({ pathname, changes: 0 });
  if (seen.current.pathname !== pathname) seen.current = { pathname, changes: seen.current.changes + 1 };
  return seen.current.changes;
}

/** Focus to <main> without a #fragment in the address (which the router would take for a navigation). */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

export function Layout() {
  const { t } = useI18n();
  const auth = useAuth();
  const user = useUser();
  const navigation = useNavigation();
  const changes = usePathChanges();
  return (
    <UnreadCountProvider enabled={!!user && hasNotifications(user.role)}>
    <div className="shell">
      <SkipLink href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t("shell.skipLink")}
      </SkipLink>
      <Header user={user} onSignOut={() => void auth.signOut()} />
      <main id={MAIN_ID} tabIndex={-1} className="shell-main">
        {navigation.state === "loading" && <Loading />}
        <PathChangesContext value={changes}>
          <Outlet />
        </PathChangesContext>
      </main>
      <footer className="shell-footer">
        <Paragraph data-size="sm">{t("shell.footer.privacy")}</Paragraph>
        <Paragraph data-size="sm">{t("shell.footer.owner")}</Paragraph>
      </footer>
    </div>
    </UnreadCountProvider>
  );
}
