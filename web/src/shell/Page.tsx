// Every page's frame: its <h1>, the document title "<page> – Samhandling",
// and, after a navigation (not on the first load, where Tab must start at the
// skip link), focus moved to the heading so a screen reader announces the new
// page and the keyboard starts from it.
import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { Heading } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** How many times the path has changed since the app loaded (provided by the layout). */
export const PathChangesContext = createContext(0);

export function Page({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n();
  const changes = useContext(PathChangesContext);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t("document.title", { page: title });
  }, [t, title]);
  useEffect(() => {
    if (changes > 0) heading.current?.focus();
  }, [changes]);
  return (
    <>
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1} className="page-heading">
        {title}
      </Heading>
      {children}
    </>
  );
}
