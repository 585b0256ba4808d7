// "Finn person": an employee looks a person up (exact matches only, each
// search logged) and, from the person found, opens a case and lands on it.
// Nothing of the search is in the address: the number and the person chosen
// live in this page's state only.
import { useEffect, useRef, useState } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate } from "../i18n/format.ts";
import { Page } from "../shell/Page.tsx";
import { OpenCaseForm } from "./OpenCaseForm.tsx";
import { PersonSearch, type PersonMatch } from "./PersonSearch.tsx";

function Matches({ matches, onChoose }: { matches: PersonMatch[]; onChoose(person: PersonMatch): void }) {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // The answer takes focus, so a screen reader hears how the search went.
  useEffect(() => heading.current?.focus(), [matches]);
  return (
    <section aria-labelledby="matches-heading">
      <Heading level={2} data-size="md" id="matches-heading" ref={heading} tabIndex={-1} className="page-heading">
        {t("findPerson.results.title")}
      </Heading>
      {matches.length === 0 ? (
        <Paragraph>{t("findPerson.results.none")}</Paragraph>
      ) : (
        <ul className="entry-list">
          {matches.map((p) => {
            const name = `${p.givenName} ${p.familyName}`;
            return (
              <li key={p.id} className="entry">
                <Heading level={3} data-size="xs">
                  {name}
                </Heading>
                <Paragraph>{t("findPerson.results.born", { date: formatDate(lang, p.birthDate) })}</Paragraph>
                <Button type="button" variant="secondary" onClick={() => onChoose(p)}>
                  {t("findPerson.results.choose", { name })}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function FindPersonPage() {
  const { t } = useI18n();
  const [matches, setMatches] = useState<PersonMatch[] | null>(null);
  const [chosen, setChosen] = useState<PersonMatch | null>(null);
  return (
    <Page title={t("nav.findPerson")}>
      <Paragraph>{t("findPerson.intro")}</Paragraph>
      <PersonSearch
        onResult={(found) => {
          setMatches(found);
          setChosen(null);
        }}
      />
      {matches && <Matches matches={matches} onChoose={setChosen} />}
      {chosen && <OpenCaseForm key={chosen.id} person={chosen} />}
    </Page>
  );
}
