// Finding the colleague to add to a case, by name, in every service: a search
// field with its own button (it sits inside the add form, so Enter searches
// rather than submits), then the matches to choose one from. Members already
// in the case are named apart, so "no one found" never hides them.
import { useId, useState, type KeyboardEvent } from "react";
import { Button, Fieldset, Paragraph, Radio, Textfield } from "@digdir/designsystemet-react";
import { useClient } from "urql";
import { FindColleaguesDocument, type FindColleaguesQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { serviceKey } from "../i18n/format.ts";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";

type Colleague = FindColleaguesQuery["findColleagues"][number];

/** The hub answers at most this many (services/samhandling/directory/colleagues.ts). */
const LIMIT = 20;
/** The hub's rule for a search: every word at least two letters. */
const searchable = (name: string) => name.trim() !== "" && name.trim().split(/\s+/).every((word) => [...word].length >= 2);

export function ColleagueSearch({
  inputId,
  error,
  memberActorIds,
  chosen,
  onChoose,
}: {
  /** The search field's id, where the form's check sends focus when no one is chosen. */
  inputId: string;
  error?: string;
  memberActorIds: ReadonlySet<string | null>;
  chosen: string;
  onChoose(actorId: string): void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const statusId = useId();
  const [name, setName] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const [searching, setSearching] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [found, setFound] = useState<readonly Colleague[] | null>(null);

  async function search() {
    setFailure(null);
    if (!searchable(name)) {
      setTooShort(true);
      document.getElementById(inputId)?.focus();
      return;
    }
    setTooShort(false);
    setSearching(true);
    onChoose("");
    const result = await client.query(FindColleaguesDocument, { name: name.trim() }, { requestPolicy: "network-only" }).toPromise();
    setSearching(false);
    if (result.error || !result.data) {
      setFound(null);
      setFailure(result.error ?? new Error("no data"));
      return;
    }
    setFound(result.data.findColleagues);
  }

  function enterSearches(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    void search();
  }

  const candidates = (found ?? []).filter((c) => !memberActorIds.has(c.actorId));
  const members = (found ?? []).filter((c) => memberActorIds.has(c.actorId));
  const label = (c: Colleague) =>
    c.unit ? t("members.add.optionUnit", { name: c.displayName, service: t(serviceKey(c.service)), unit: c.unit }) : t("member.option", { name: c.displayName, service: t(serviceKey(c.service)) });

  return (
    <>
      <div className="search-row">
        <Textfield
          id={inputId}
          label={t("members.add.search")}
          description={t("members.add.searchHelp")}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={enterSearches}
          error={tooShort ? t("members.add.searchShort") : error}
        />
        <Button type="button" variant="secondary" disabled={searching} onClick={() => void search()}>
          {searching ? t("members.add.searching") : t("members.add.searchButton")}
        </Button>
      </div>
      {failure !== null && <ErrorMessage error={failure} />}
      <div role="status" id={statusId}>
        {found !== null && (
          <>
            {candidates.length === 0 && <Paragraph>{t("members.add.none")}</Paragraph>}
            {found.length >= LIMIT && <Paragraph>{t("members.add.many", { count: LIMIT })}</Paragraph>}
            {members.length > 0 && <Paragraph>{t("members.add.alreadyMembers", { names: members.map((m) => m.displayName).join(", ") })}</Paragraph>}
          </>
        )}
      </div>
      {candidates.length > 0 && (
        <Fieldset>
          <Fieldset.Legend>{t("members.add.choose")}</Fieldset.Legend>
          {candidates.map((c) => (
            <Radio key={c.actorId} name={`${inputId}-choice`} value={c.actorId} label={label(c)} checked={chosen === c.actorId} onChange={() => onChoose(c.actorId)} />
          ))}
        </Fieldset>
      )}
    </>
  );
}
