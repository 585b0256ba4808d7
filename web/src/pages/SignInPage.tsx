// The landing page for anyone not signed in, and what a protected page shows
// instead of itself: "Logg inn" leaves for the provider and comes back here.
import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { useLocation, useNavigate } from "react-router";
import { useAuth } from "../auth/AuthProvider.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { PATHS } from "../shell/navigation.ts";
import { Page } from "../shell/Page.tsx";

export function SignInPage({ required = false }: { required?: boolean }) {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = () => {
    if (!auth.configured) return void navigate(PATHS.signInNotConfigured);
    void auth.signIn(location.pathname + location.search);
  };
  return (
    <Page title={t("signIn.title")}>
      {required && <Alert data-color="info">{t("signIn.required")}</Alert>}
      <Paragraph>{t("signIn.intro")}</Paragraph>
      <Button onClick={signIn}>{t("signIn.button")}</Button>
    </Page>
  );
}
