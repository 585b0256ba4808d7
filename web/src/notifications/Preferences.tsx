// What the signed-in person wants to be told about: every kind on by default,
// each can be switched off, and whether an e-mail is sent too (off by
// default; the e-mail only says that there is a notification) and to which
// address (the person's own, entered here; the hub checks it and refuses one
// that is not an address, shown at the field).
import { useId, useState, type FormEvent } from "react";
import { Button, Heading, Paragraph, Switch, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery } from "urql";
import {
  NotificationPreferencesDocument,
  UpdateNotificationPreferencesDocument,
  type NotificationKind,
  type NotificationPreferencesQuery,
} from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Notice, useFieldErrors } from "../cases/ActionForm.tsx";
import { errorCodeOf } from "../errors/errors.ts";
import { CheckboxGroup } from "../shell/CheckboxGroup.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";

type Prefs = NotificationPreferencesQuery["notificationPreferences"];

function PreferencesForm({ prefs }: { prefs: Prefs }) {
  const { t } = useI18n();
  const kinds = prefs.kinds.map((k) => k.kind);
  const [enabled, setEnabled] = useState<ReadonlySet<NotificationKind>>(() => new Set(prefs.kinds.filter((k) => k.enabled).map((k) => k.kind)));
  const [email, setEmail] = useState(prefs.email);
  const [address, setAddress] = useState(prefs.emailAddress ?? "");
  const addressId = useId();
  const { errors, check } = useFieldErrors();
  const [state, save] = useMutation(UpdateNotificationPreferencesDocument);
  const [done, setDone] = useState<string | null>(null);
  // The only input the hub can refuse is the address, so its refusal is said at the field, not as a general error.
  const refused = state.error !== undefined && errorCodeOf(state.error) === "BAD_USER_INPUT";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    check([]);
    const result = await save({ input: { disabledKinds: kinds.filter((k) => !enabled.has(k)), email, emailAddress: address } });
    if (!result.error) setDone(t("notifications.prefs.saved"));
    else if (errorCodeOf(result.error) === "BAD_USER_INPUT") check([{ id: addressId, ok: false, message: t("notifications.prefs.emailAddressInvalid") }]);
  }

  return (
    // noValidate: the hub decides what an address is, and its answer is shown in the app's words (not the browser's bubble).
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="notification-prefs-heading">
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
      <Textfield
        id={addressId}
        type="email"
        autoComplete="email"
        label={t("notifications.prefs.emailAddress")}
        description={t("notifications.prefs.emailAddressHelp")}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        error={errors[addressId]}
      />
      <div className="actions">
        <Button type="submit" aria-busy={state.fetching || undefined} disabled={state.fetching}>
          {t(state.fetching ? "notifications.prefs.busy" : "notifications.prefs.save")}
        </Button>
      </div>
      {state.error && !refused && <ErrorMessage error={state.error} />}
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
