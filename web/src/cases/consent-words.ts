// Where a consent stands, in words: the one thing a member needs to know
// before relying on it. Pure, so each state is tested (test/web/consent-words.test.ts).
import type { ConsentItemFragment } from "../graphql/generated/graphql.ts";
import { formatDate } from "../i18n/format.ts";
import type { Lang, Translate } from "../i18n/messages.ts";

export type ConsentTone = "success" | "warning" | "neutral" | "danger";

export interface ConsentState {
  words: string;
  tone: ConsentTone;
}

type Facts = Pick<ConsentItemFragment, "decision" | "withdrawnAt" | "pending" | "active" | "validFrom" | "validTo">;

export function consentState(t: Translate, lang: Lang, c: Facts, now: Date = new Date()): ConsentState {
  if (c.withdrawnAt) return { words: t("consent.state.withdrawn", { date: formatDate(lang, c.withdrawnAt) }), tone: "neutral" };
  if (c.decision === "DENY") return { words: t("consent.state.refused"), tone: "danger" };
  if (c.pending) return { words: t("consent.state.pending"), tone: "warning" };
  if (c.validTo && Date.parse(c.validTo) <= now.getTime()) return { words: t("consent.state.expired", { date: formatDate(lang, c.validTo) }), tone: "neutral" };
  if (c.active) {
    return c.validTo ? { words: t("consent.state.activeUntil", { date: formatDate(lang, c.validTo) }), tone: "success" } : { words: t("consent.state.active"), tone: "success" };
  }
  if (Date.parse(c.validFrom) > now.getTime()) return { words: t("consent.state.notYet", { date: formatDate(lang, c.validFrom) }), tone: "neutral" };
  // Started, not expired or withdrawn, yet not active: the giver is no longer competent (a guardian's consent at 16 or 18).
  return { words: t("consent.state.lapsed"), tone: "neutral" };
}
