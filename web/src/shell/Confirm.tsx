// The confirmation step before an act that changes what others may see (give
// or withdraw a consent, mark a release reviewed): what will happen in words,
// then "yes" or "no". Shown in place rather than in a dialog, so it reflows
// like the rest of the page; it takes focus when it appears so the keyboard
// and a screen reader land on the question, and "no" hands focus back.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button, Paragraph } from "@digdir/designsystemet-react";

export interface ConfirmProps {
  /** What will happen, in words. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  busyLabel?: string;
  onConfirm(): void;
  onCancel(): void;
  /** What belongs with the question (e.g. a note to write, an error from the hub). */
  children?: ReactNode;
}

export function Confirm({ question, confirmLabel, cancelLabel, busy = false, busyLabel, onConfirm, onCancel, children }: ConfirmProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} role="group" aria-labelledby={id} tabIndex={-1} className="confirm">
      <Paragraph id={id}>{question}</Paragraph>
      {children}
      <div className="actions">
        <Button type="button" onClick={onConfirm} disabled={busy}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
