// Barnevern's line in the family overview: the phase of the case, nothing of its content.
import { BarnevernDetailFragmentDoc } from "../../graphql/generated/graphql.ts";
import { detailView } from "../detail-view.ts";

export default detailView(BarnevernDetailFragmentDoc, (t, _lang, v) => [v.phase ? t("view.barnevern.phase", { phase: t(`barnevernPhase.${v.phase}`) }) : null]);
