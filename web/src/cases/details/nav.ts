// NAV's lines in the family overview: the office since when, and the measures with their status.
import { NavDetailFragmentDoc } from "../../graphql/generated/graphql.ts";
import { formatDate } from "../../i18n/format.ts";
import { detailView } from "../detail-view.ts";

export default detailView(NavDetailFragmentDoc, (t, lang, v) => [
  v.office ? (v.since ? t("view.nav.office", { office: v.office, date: formatDate(lang, v.since) }) : v.office) : null,
  ...(v.measures ?? []).map((m) => t("view.item", { what: m.description, status: t(`measureStatus.${m.status}`) })),
]);
