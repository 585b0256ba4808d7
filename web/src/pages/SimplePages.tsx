// Pages with text only: not found, no access, sign-in not set up.
import { Paragraph } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { PlainMessageKey } from "../i18n/messages.ts";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { AppError } from "../errors/errors.ts";
import { PATHS } from "../shell/navigation.ts";
import { Page } from "../shell/Page.tsx";
import { ParagraphLink } from "../shell/ParagraphLink.tsx";

function HomeLink() {
  const { t } = useI18n();
  return <ParagraphLink to={PATHS.home}>{t("error.home")}</ParagraphLink>;
}

/** A heading, one paragraph and the way back to the front page. */
function TextPage({ title, body }: { title: PlainMessageKey; body: PlainMessageKey }) {
  const { t } = useI18n();
  return (
    <Page title={t(title)}>
      <Paragraph>{t(body)}</Paragraph>
      <HomeLink />
    </Page>
  );
}

export const NotFoundPage = () => <TextPage title="notFound.title" body="notFound.body" />;

export const SignInNotConfiguredPage = () => <TextPage title="signIn.notConfigured.title" body="signIn.notConfigured.body" />;

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Page title={t("forbidden.title")}>
      <ErrorMessage error={new AppError("FORBIDDEN")} />
      <HomeLink />
    </Page>
  );
}
