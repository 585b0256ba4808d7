// The optional detail views of the family overview: a service's file here,
// <name>.ts with <name>.graphql (a fragment <Name>Detail on its view, which
// compose spreads into its block of OverviewViews.graphql), adds lines of its
// own data to a granted cell. A service without one shows what every view
// has — the access decision, whether it is involved, whom to call — with no
// code of its own (FamilyOverview.tsx). Found by file name, so adding one
// edits no list.
import type { ServiceName } from "../../../../services/kit/catalog.ts";
import type { DetailView } from "../detail-view.ts";

const modules = import.meta.glob<{ default: DetailView }>(["./*.ts", "!./index.ts"], { eager: true });
const DETAILS = new Map(Object.entries(modules).map(([file, module]) => [/\.\/(\w+)\.ts$/.exec(file)![1], module.default]));

/** The detail view of a service, or undefined: the overview then shows what every view has. */
export const detailViewOf = (service: ServiceName): DetailView | undefined => DETAILS.get(service);
