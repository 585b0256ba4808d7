// "Vis flere" under a list the API gives a page at a time (shell/pages.ts).
// Keyboard: the button is the next stop after the list. When the last page
// comes, the button gives way to a sentence saying so, which takes the focus
// the button had, so a keyboard user is not thrown back to the top.
import { useEffect, useRef } from "react";
import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import type { Pages } from "./pages.ts";

export function ShowMore({ pages }: { pages: Pick<Pages<unknown, unknown>, "hasMore" | "loadingMore" | "moreError" | "showMore"> }) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  const end = useRef<HTMLParagraphElement>(null);
  const hadFocus = useRef(false);
  const usedMore = useRef(false);
  useEffect(() => {
    if (!pages.hasMore && hadFocus.current) end.current?.focus();
  }, [pages.hasMore]);
  if (!pages.hasMore) {
    // Only after "Vis flere" was used: a list of one page needs no word that it ends.
    return usedMore.current ? (
      <Paragraph ref={end} tabIndex={-1} data-size="sm">
        {t("shell.more.end")}
      </Paragraph>
    ) : null;
  }
  return (
    <>
      {pages.moreError && <ErrorMessage error={pages.moreError} />}
      <Button
        ref={button}
        variant="secondary"
        aria-busy={pages.loadingMore || undefined}
        onClick={() => {
          usedMore.current = true;
          hadFocus.current = document.activeElement === button.current;
          if (!pages.loadingMore) pages.showMore();
        }}
      >
        {pages.loadingMore ? t("shell.more.loading") : t("shell.more")}
      </Button>
    </>
  );
}
