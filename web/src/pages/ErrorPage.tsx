// What a failed page shows (the router's error boundary, and the app when it
// cannot start): the error's plain meaning, its code, and two ways on.
import { Button } from "@digdir/designsystemet-react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { AppError } from "../errors/errors.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { Page } from "../shell/Page.tsx";
import { NotFoundPage } from "./SimplePages.tsx";

export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <Page title={t("error.title")}>
      <ErrorMessage error={error} />
      <div className="actions">
        <Button variant="primary" onClick={() => window.location.reload()}>
          {t("error.retry")}
        </Button>
        {/* A full load of the front page: after an error, start afresh. */}
        <Button variant="secondary" asChild>
          <a href="/">{t("error.home")}</a>
        </Button>
      </div>
    </Page>
  );
}

/** The router's error boundary for every page. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <ErrorPage error={error} />;
}

/** Shown when the app cannot start (no /config.json). */
export const StartupErrorPage = () => <ErrorPage error={new AppError("CONFIG_UNAVAILABLE")} />;
