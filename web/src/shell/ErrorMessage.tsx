// An error said plainly: the message its code means (errors/errors.ts) and
// the code itself, small, for support.
import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { errorCodeOf, errorMessageKey } from "../errors/errors.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  const code = errorCodeOf(error);
  return (
    <Alert data-color="danger">
      <Paragraph>{t(errorMessageKey(code))}</Paragraph>
      <Paragraph data-size="sm">{t("error.code", { code })}</Paragraph>
    </Alert>
  );
}
