// Health's lines in the family overview: which health services follow the person up, never why.
import { HelseDetailFragmentDoc } from "../../graphql/generated/graphql.ts";
import { current, detailView } from "../detail-view.ts";

export default detailView(HelseDetailFragmentDoc, (t, _lang, v) => current(v.contacts).map((c) => `${t(`healthService.${c.kind}`)}: ${c.unit}`));
