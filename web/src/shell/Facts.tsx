// Facts as label–value pairs in a description list, each pair kept together
// so the `.facts` grid lays them out as one cell, above each other on a phone.
import type { ReactNode } from "react";

/** A fact: what it is, and its value in words (or a code an audit follows up). */
export type Fact = readonly [label: string, value: ReactNode];

export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
