// The one way to show that something is on its way: a spinner with a spoken
// label, shown only after a short delay so fast answers do not flicker.
import { useEffect, useState } from "react";
import { Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/I18nProvider.tsx";

export function Loading({ delayMs = 300 }: { delayMs?: number }) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(delayMs === 0);
  useEffect(() => {
    if (delayMs === 0) return;
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return (
    <div role="status" className="loading">
      {visible && (
        <>
          <Spinner aria-hidden="true" data-size="md" />
          <Paragraph>{t("shell.loading")}</Paragraph>
        </>
      )}
    </div>
  );
}
