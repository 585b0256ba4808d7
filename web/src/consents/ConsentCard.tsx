// One consent or refusal in plain words: about whom, which services and what
// data, in which case, from when and until when, how it came in, whether it
// applies now — and withdrawing it, after a confirmation step.
import { useRef, useState } from "react";
import { Alert, Button, Heading } from "@digdir/designsystemet-react";
import { useMutation } from "urql";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import { MyConsentItemFragmentDoc, WithdrawMyConsentDocument, type MyConsentItemFragment } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate, serviceKey } from "../i18n/format.ts";
import type { Lang, Translate } from "../i18n/messages.ts";
import { Confirm } from "../shell/Confirm.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { categoryWords } from "../accessLog/words.ts";
import { Facts, type Fact } from "../shell/Facts.tsx";

type Person = { id: string; givenName: string; familyName: string } | null;

/** "deg" for the signed-in person, the name for anyone else, "en person du ikke kan se" when the register hides them. */
function whoWords(t: Translate, person: Person, meId: string): string {
  if (!person) return t("consent.person.hidden");
  return person.id === meId ? t("consent.person.you") : `${person.givenName} ${person.familyName}`;
}

/** Whether it applies now, and if not, why not, in words. */
function statusWords(t: Translate, lang: Lang, c: MyConsentItemFragment, now: number): string {
  if (c.withdrawnAt) return t("consent.status.withdrawn", { date: formatDate(lang, c.withdrawnAt) });
  if (c.pending) return t("consent.status.pending");
  if (c.active) return t("consent.status.active");
  if (c.validTo && Date.parse(c.validTo) <= now) return t("consent.status.expired", { date: formatDate(lang, c.validTo) });
  if (Date.parse(c.validFrom) > now) return t("consent.status.notYet", { date: formatDate(lang, c.validFrom) });
  return t("consent.status.inactive");
}

function channelWords(t: Translate, c: MyConsentItemFragment): string {
  if (c.channel === "PAPER_FORM") return c.formReference ? t("myConsents.channel.paperRef", { reference: c.formReference }) : t("myConsents.channel.PAPER_FORM");
  return t(`myConsents.channel.${c.channel}`);
}

export function ConsentCard({ consent, meId, onChanged }: { consent: FragmentType<typeof MyConsentItemFragmentDoc>; meId: string; onChanged(): void }) {
  const { t, lang } = useI18n();
  const c = readFragment(MyConsentItemFragmentDoc, consent);
  const [confirming, setConfirming] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const [state, withdraw] = useMutation(WithdrawMyConsentDocument);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const who = whoWords(t, c.subject, meId);
  const title = t(c.decision === "PERMIT" ? "myConsents.title.permit" : "myConsents.title.deny", { who });
  const services = c.services.map((s) => t(serviceKey(s))).join(", ");
  // Withdrawn or run out: nothing left to withdraw.
  const withdrawable = !c.withdrawnAt && !(c.validTo && Date.parse(c.validTo) <= Date.now());

  const facts: [string, string][] = [
    [t("consent.field.status"), statusWords(t, lang, c, Date.now())],
    [t("consent.field.case"), c.case?.title ?? t("consent.case.hidden")],
    [t("consent.field.services"), services],
    [t("myConsents.field.categories"), categoryWords(t, c.categories)],
    [t("consent.field.from"), formatDate(lang, c.validFrom)],
    [t("consent.field.to"), c.validTo ? formatDate(lang, c.validTo) : t("consent.to.untilWithdrawn")],
    [t("consent.field.givenBy"), c.capacity === "GUARDIAN" ? t("consent.givenBy.guardian", { who: whoWords(t, c.givenBy, meId) }) : whoWords(t, c.givenBy, meId)],
    [t("consent.field.channel"), channelWords(t, c)],
  ];
  if (c.childView) facts.push([t("consent.field.childView"), c.childView]);
  if (c.note) facts.push([t("consent.field.note"), c.note]);

  async function confirm() {
    const result = await withdraw({ id: c.id });
    if (result.error) return;
    setConfirming(false);
    setWithdrawn(true);
    onChanged();
  }

  return (
    <li className="entry">
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <Facts facts={facts} />
      <div role="status">{withdrawn && <Alert data-color="success">{t("consent.withdraw.done")}</Alert>}</div>
      {withdrawable && !confirming && (
        <Button ref={withdrawButton} type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("consent.withdraw.button")}
        </Button>
      )}
      {withdrawable && confirming && (
        <Confirm
          question={t("consent.withdraw.question", { title })}
          confirmLabel={t("consent.withdraw.confirm")}
          cancelLabel={t("consent.withdraw.cancel")}
          busy={state.fetching}
          busyLabel={t("consent.withdraw.busy")}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => withdrawButton.current?.focus());
          }}
        >
          {state.error && <ErrorMessage error={state.error} />}
        </Confirm>
      )}
    </li>
  );
}
