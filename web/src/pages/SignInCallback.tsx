// Where the provider sends the browser back: finishes the sign-in (once, even
// if React runs the effect twice) and goes on to where the person was going,
// replacing the address that carried the authorization code.
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { useAuth } from "../auth/AuthProvider.tsx";
import type { Auth } from "../auth/auth.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { Loading } from "../shell/Loading.tsx";
import { Page } from "../shell/Page.tsx";

const completions = new Map<string, Promise<string>>();
function completeOnce(auth: Auth, url: string): Promise<string> {
  let completion = completions.get(url);
  if (!completion) completions.set(url, (completion = auth.completeSignIn(url)));
  return completion;
}

export function SignInCallback() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    completeOnce(auth, window.location.href).then((path) => navigate(path, { replace: true }), setError);
  }, [auth, navigate]);
  return <Page title={error ? t("error.title") : t("signIn.callback")}>{error ? <ErrorMessage error={error} /> : <Loading />}</Page>;
}
