// The search form of "Finn person": by national identity number (11 digits,
// checked here as the hub checks it) or by full name and birth date. The
// number lives in this component's state only: the form is never submitted
// by the browser (no GET, no URL, no history entry), and the query goes by
// POST. Each search is a new request, so each is logged.
import { useRef, useState, type FormEvent } from "react";
import { Button, Fieldset, Radio, Textfield } from "@digdir/designsystemet-react";
import { useClient } from "urql";
import { isNationalId } from "../../../services/kit/national-id.ts";
import { FindPersonsDocument, type FindPersonsQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";

export type PersonMatch = FindPersonsQuery["findPersons"][number];

type Mode = "nationalId" | "name";
type Problem = "nationalId" | "name" | "birthDate";

export function PersonSearch({ onResult }: { onResult(matches: PersonMatch[] | null): void }) {
  const { t } = useI18n();
  const client = useClient();
  const [mode, setMode] = useState<Mode>("nationalId");
  const [nationalId, setNationalId] = useState("");
  const [name, setName] = useState("");
  const [birthDate, setBirthDate] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function invalid(p: Problem) {
    setProblem(p);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const id = nationalId.replace(/\s+/g, "");
    if (mode === "nationalId" && !isNationalId(id)) return invalid("nationalId");
    if (mode === "name" && !name.trim().includes(" ")) return invalid("name");
    if (mode === "name" && !birthDate) return invalid("birthDate");
    setProblem(null);
    setSearching(true);
    onResult(null);
    const variables = mode === "nationalId" ? { nationalId: id } : { name: name.trim(), birthDate };
    const result = await client.query(FindPersonsDocument, variables, { requestPolicy: "network-only" }).toPromise();
    setSearching(false);
    if (result.error || !result.data) {
      setError(result.error ?? new Error("no data"));
      return;
    }
    onResult(result.data.findPersons);
  }

  return (
    <form ref={formRef} onSubmit={(e) => void search(e)} noValidate className="form" role="search" aria-label={t("findPerson.search.label")}>
      <Fieldset>
        <Fieldset.Legend>{t("findPerson.search.mode")}</Fieldset.Legend>
        <Radio name="mode" value="nationalId" label={t("findPerson.search.byNationalId")} checked={mode === "nationalId"} onChange={() => setMode("nationalId")} />
        <Radio name="mode" value="name" label={t("findPerson.search.byName")} checked={mode === "name"} onChange={() => setMode("name")} />
      </Fieldset>
      {mode === "nationalId" ? (
        <Textfield
          label={t("findPerson.search.nationalId")}
          description={t("findPerson.search.nationalIdHelp")}
          inputMode="numeric"
          autoComplete="off"
          value={nationalId}
          onChange={(e) => setNationalId(e.target.value)}
          error={problem === "nationalId" ? t("findPerson.search.nationalIdInvalid") : undefined}
        />
      ) : (
        <>
          <Textfield
            label={t("findPerson.search.name")}
            description={t("findPerson.search.nameHelp")}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={problem === "name" ? t("findPerson.search.nameInvalid") : undefined}
          />
          <Textfield
            type="date"
            label={t("findPerson.search.birthDate")}
            value={birthDate}
            onChange={(e) => setBirthDate(e.target.value)}
            error={problem === "birthDate" ? t("findPerson.search.birthDateMissing") : undefined}
          />
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <Button type="submit" disabled={searching}>
        {searching ? t("findPerson.search.busy") : t("findPerson.search.submit")}
      </Button>
    </form>
  );
}
