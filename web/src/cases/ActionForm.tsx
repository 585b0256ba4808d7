// The frame every action on the case page shares: a mutation sent within the
// case (X-Case-Id), a form named by its heading, the hub's error said by its
// code, a confirmation read out by screen readers, and one submit button.
// Also a single-button action (cancel, accept, attest …) with the same parts.
import { useCallback, useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, Details, Heading } from "@digdir/designsystemet-react";
import { useMutation, type AnyVariables, type DocumentInput, type UseMutationState } from "urql";
import { inCase } from "../graphql/client.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";

export interface CaseAction<Data, Variables extends AnyVariables> {
  state: UseMutationState<Data, Variables>;
  /** Sends the mutation within the case; the answer's data, or null when the hub refused (the error is in `state`). */
  run(variables: Variables): Promise<Data | null>;
  /** What to confirm once it succeeded; cleared when it runs again. */
  done: string | null;
  setDone(text: string | null): void;
}

/** A mutation of the case page, sent with the case declared. */
export function useCaseAction<Data, Variables extends AnyVariables>(document: DocumentInput<Data, Variables>, caseId: string): CaseAction<Data, Variables> {
  const context = useMemo(() => inCase(caseId), [caseId]);
  const [state, execute] = useMutation(document);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(
    async (variables: Variables) => {
      setDone(null);
      const result = await execute(variables, context);
      return result.error ? null : (result.data ?? null);
    },
    [execute, context],
  );
  return { state, run, done, setDone };
}

/** A confirmation, announced politely: the region is there before its text, so screen readers hear the change. */
export function Notice({ text }: { text: string | null }) {
  return <div role="status">{text && <Alert data-color="success">{text}</Alert>}</div>;
}

/** The error of the last attempt and the confirmation of the last success. */
function Outcome({ error, done }: { error: unknown; done: string | null }) {
  return (
    <>
      {error ? <ErrorMessage error={error} /> : null}
      <Notice text={done} />
    </>
  );
}

/** What a form or button shows of its action: busy, the hub's error, the confirmation. */
export interface ActionProgress {
  state: { fetching: boolean; error?: unknown };
  done: string | null;
}

/**
 * A form named by its heading (`title`), or, inside a fold, by the fold's
 * summary (`labelledBy`), so the same words are not said twice.
 */
export function ActionForm({
  title,
  labelledBy,
  submitLabel,
  action,
  onSubmit,
  children,
  extraButtons,
  level = 3,
}: {
  submitLabel: string;
  action: ActionProgress;
  /** Checks the fields and sends; the form's default submit is already prevented. */
  onSubmit(): void | Promise<void>;
  children: ReactNode;
  extraButtons?: ReactNode;
  level?: 3 | 4;
} & ({ title: string; labelledBy?: undefined } | { title?: undefined; labelledBy: string })) {
  const { t } = useI18n();
  const headingId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="action-form" aria-labelledby={labelledBy ?? headingId}>
      {title !== undefined && (
        <Heading level={level} data-size="xs" id={headingId}>
          {title}
        </Heading>
      )}
      {children}
      <Outcome error={action.state.error} done={action.done} />
      <div className="actions">
        <Button type="submit" disabled={action.state.fetching}>
          {action.state.fetching ? t("action.saving") : submitLabel}
        </Button>
        {extraButtons}
      </div>
    </form>
  );
}

/**
 * An action kept out of the way until asked for: a fold (Designsystemet
 * Details) whose summary names the form inside it.
 *
 *   <Fold summary={t("meetings.form.title")}>{(id) => <ScheduleForm labelledBy={id} … />}</Fold>
 */
export function Fold({ summary, children }: { summary: string; children: (summaryId: string) => ReactNode }) {
  const id = useId();
  return (
    <Details>
      <Details.Summary id={id}>{summary}</Details.Summary>
      <Details.Content>{children(id)}</Details.Content>
    </Details>
  );
}

/** One button that does one thing, with its own error and confirmation beside it. */
export function ActionButton({
  label,
  action,
  onClick,
  variant = "secondary",
}: {
  label: string;
  action: ActionProgress;
  onClick(): void | Promise<void>;
  variant?: "primary" | "secondary" | "tertiary";
}) {
  const { t } = useI18n();
  return (
    <div className="action-button">
      <Button type="button" variant={variant} data-size="sm" disabled={action.state.fetching} onClick={() => void onClick()}>
        {action.state.fetching ? t("action.saving") : label}
      </Button>
      <Outcome error={action.state.error} done={action.done} />
    </div>
  );
}

/** A rule a field must meet before the form is sent: the field's input id (focused when it fails) and the message shown at it. */
export interface FieldRule {
  id: string;
  ok: boolean;
  message: string;
}

/**
 * Field errors found in the browser before anything is sent, by input id:
 * `check` shows each failed rule's message at its field and moves focus to
 * the first, so the keyboard lands where the fix is.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const check = useCallback((rules: FieldRule[]) => {
    const failed = rules.filter((r) => !r.ok);
    setErrors(Object.fromEntries(failed.map((r) => [r.id, r.message])));
    if (failed[0]) document.getElementById(failed[0].id)?.focus();
    return failed.length === 0;
  }, []);
  return { errors, check };
}
