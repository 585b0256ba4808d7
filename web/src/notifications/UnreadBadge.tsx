// The unread count beside "Varsler" in the navigation: a badge for the eye and
// the same in words for screen readers (the link's name then says it too).
import { Badge } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useUnreadCount } from "./unread.tsx";

/** The hub counts at most 100 (UNREAD_COUNT_LIMIT); above 99 the badge says "99+". */
const MAX_SHOWN = 99;

export function UnreadBadge() {
  const { t } = useI18n();
  const { count } = useUnreadCount();
  if (!count) return null;
  return (
    <>
      {" "}
      <Badge count={count} maxCount={MAX_SHOWN} aria-hidden="true" className="unread-badge" />
      <span className="visually-hidden">{count > MAX_SHOWN ? t("notifications.badgeMany", { count: MAX_SHOWN }) : t("notifications.badge", { count })}</span>
    </>
  );
}
