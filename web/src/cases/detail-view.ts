// What a service's optional detail view in the family overview is (details/):
// lines of its own data for a granted cell, read from its own fragment.
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import type { Lang, Translate } from "../i18n/messages.ts";

/** A line of a cell; null when the service has nothing for it. */
export type DetailLine = string | null;

export interface DetailView {
  /** The service's own lines for a granted view (the view as the overview received it). */
  lines(t: Translate, lang: Lang, view: object): DetailLine[];
}

/** A detail view from its fragment and what it makes of the fragment's data. */
export function detailView<F>(fragment: DocumentTypeDecoration<F, Record<string, never>>, lines: (t: Translate, lang: Lang, detail: F) => DetailLine[]): DetailView {
  return {
    // Compose spreads this fragment into exactly this service's view (by the file's name), so the view is its reference.
    lines: (t, lang, view) => lines(t, lang, readFragment(fragment, view as FragmentType<DocumentTypeDecoration<F, Record<string, never>>>)),
  };
}

/** Items that are still current (no end date). */
export const current = <T extends { until?: string | null }>(items: readonly T[] | null | undefined): T[] => (items ?? []).filter((i) => !i.until);
