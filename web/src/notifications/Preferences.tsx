// What the signed-in person wants to be told about: every kind on by default,
// each can be switched off, and whether an e-mail is sent too (off by
// default; the e-mail only says that there is a notification).
import { useState, type FormEvent } from "react";
import { Button, Heading, Paragraph, Switch } from "@digdir/designsystemet-react";
import { useMutation, useQuery } from "urql";
import {
  NotificationPreferencesDocument,
  UpdateNotificationPreferencesDocument,
  type NotificationKind,
  type NotificationPreferencesQuery,
} from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Notice } from "../cases/ActionForm.tsx";
import { CheckboxGroup } from "../shell/CheckboxGroup.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";

type Prefs = NotificationPreferencesQuery["notificationPreferences"];

function PreferencesForm({ prefs }: { prefs: Prefs }) {
  const { t } = useI18n();
  const kinds = prefs.kinds.map((k) => k.kind);
  const [enabled, setEnabled] = useState<ReadonlySet<NotificationKind>>(() => new Set(prefs.kinds.filter((k) => k.enabled).map((k) => k.kind)));
  const [email, setEmail] = useState(prefs.email);
  const [state, save] = useMutation(UpdateNotificationPreferencesDocument);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const result = await save({ input: { disabledKinds: kinds.filter((k) => !enabled.has(k)), email } });
    if (!result.error) setDone(t("notifications.prefs.saved"));
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="notification-prefs-heading">
      <CheckboxGroup
        id="notification-kinds"
        legend={t("notifications.prefs.kinds")}
        options={kinds}
        label={(k) => t(`notifications.prefs.kind.${k}`)}
        chosen={enabled}
        onChange={setEnabled}
      />
      <Paragraph data-size="sm">{t("notifications.prefs.kindsHelp")}</Paragraph>
      <Switch label={t("notifications.prefs.email")} description={t("notifications.prefs.emailHelp")} checked={email} onChange={(e) => setEmail(e.target.checked)} />
      <div className="actions">
        <Button type="submit" aria-busy={state.fetching || undefined} disabled={state.fetching}>
          {t(state.fetching ? "notifications.prefs.busy" : "notifications.prefs.save")}
        </Button>
      </div>
      {state.error && <ErrorMessage error={state.error} />}
      <Notice text={done} />
    </form>
  );
}

export function Preferences() {
  const { t } = useI18n();
  const [result] = useQuery({ query: NotificationPreferencesDocument });
  return (
    <section aria-labelledby="notification-prefs-heading">
      <Heading level={2} data-size="md" id="notification-prefs-heading">
        {t("notifications.prefs.title")}
      </Heading>
      <QueryResult result={result}>{(data) => <PreferencesForm prefs={data.notificationPreferences} />}</QueryResult>
    </section>
  );
}
