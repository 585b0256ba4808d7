// The header: the hub's name, the main navigation for the signed-in role, who
// is signed in with "Logg ut", and the language switch. "Varsler" carries the
// unread count (notifications/UnreadBadge.tsx).
import { Button, Link, Paragraph } from "@digdir/designsystemet-react";
import { NavLink } from "react-router";
import type { SignedInUser } from "../auth/session.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { CATALOGS, type Lang } from "../i18n/messages.ts";
import { UnreadBadge } from "../notifications/UnreadBadge.tsx";
import { NAVIGATION, PATHS } from "./navigation.ts";

export interface HeaderProps {
  user: SignedInUser | null;
  onSignOut(): void;
}

export function Header({ user, onSignOut }: HeaderProps) {
  const { t, lang, setLang } = useI18n();
  const other: Lang = lang === "nb" ? "en" : "nb";
  const roleLabel = user && (user.role === "citizen" ? t("role.citizen") : t("role.withService", { role: t(`role.${user.role}`), service: t(`service.${user.service}`) }));
  // One row in reading order — name, navigation, who is signed in, language — wrapping on narrow
  // screens, so the keyboard meets them in the order the eye does: the navigation right after the skip link.
  return (
    <header className="shell-header">
      <Paragraph className="shell-brand" data-size="lg">
        {t("app.name")}
      </Paragraph>
      {user && (
        <nav aria-label={t("shell.nav.label")} className="shell-nav">
          <ul>
            {NAVIGATION[user.role].map((item) => (
              <li key={item.path}>
                <Link asChild>
                  <NavLink to={item.path}>
                    {t(item.label)}
                    {item.path === PATHS.notifications && <UnreadBadge />}
                  </NavLink>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="shell-header__tools">
        {user && (
          <section className="shell-user" aria-label={t("shell.user.label")}>
            <Paragraph data-size="sm">
              <span className="shell-user__name">{user.name}</span> <span className="shell-user__role">{roleLabel}</span>
            </Paragraph>
            <Button variant="secondary" data-size="sm" onClick={onSignOut}>
              {t("shell.signOut")}
            </Button>
          </section>
        )}
        <Button variant="tertiary" data-size="sm" lang={other} onClick={() => setLang(other)}>
          {CATALOGS[other]["language.name"]}
        </Button>
      </div>
    </header>
  );
}
