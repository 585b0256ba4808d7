// The data categories a consent can cover: the list the API's DataCategory
// enum is made from (services/kit/categories.ts), typed by the generated
// enum, so the case page's and the citizen's consent forms offer the same
// categories in the same order.
import { DATA_CATEGORIES } from "../../../services/kit/categories.ts";
import type { DataCategory } from "../graphql/generated/graphql.ts";
import { isPlainMessageKey, type PlainMessageKey, type Translate } from "../i18n/messages.ts";

export const CONSENT_CATEGORIES: readonly DataCategory[] = DATA_CATEGORIES;

/** A consent's categories in a sentence's words ("the stafettlogg, the case"); one the API added after this build reads as "other information". */
export function consentCategoryWords(t: Translate, categories: readonly DataCategory[]): string {
  return categories.map((c) => t(phrase(`consent.category.${c}`))).join(", ");
}

function phrase(key: PlainMessageKey): PlainMessageKey {
  return isPlainMessageKey(key) ? key : "consent.category.other";
}
