// The voluntary sector's lines in the family overview: current activities and who runs them.
import { FrivillighetDetailFragmentDoc } from "../../graphql/generated/graphql.ts";
import { current, detailView } from "../detail-view.ts";

export default detailView(FrivillighetDetailFragmentDoc, (_t, _lang, v) => current(v.activities).map((a) => `${a.title} (${a.organisation})`));
