// A group of checkboxes for a set of values: a legend, one box a value, the
// chosen set in and out, and the group's error (its first box carries the id a
// failed check moves focus to).
import { Checkbox, Fieldset, ValidationMessage } from "@digdir/designsystemet-react";

export function CheckboxGroup<V extends string>({
  id,
  legend,
  options,
  label,
  chosen,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: readonly V[];
  label(v: V): string;
  chosen: ReadonlySet<V>;
  onChange(next: ReadonlySet<V>): void;
  error?: string;
}) {
  return (
    <Fieldset aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {options.map((v, i) => (
        <Checkbox
          key={v}
          // The first box carries the group's id: a failed check moves focus there.
          id={i === 0 ? id : undefined}
          label={label(v)}
          value={v}
          checked={chosen.has(v)}
          onChange={(e) => {
            const next = new Set(chosen);
            if (e.target.checked) next.add(v);
            else next.delete(v);
            onChange(next);
          }}
        />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
