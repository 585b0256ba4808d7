// Stdout logs must never carry personal data: after a full end-to-end run,
// no demo person's name or national id may appear in any process's log.
import { demoPersons } from "../../services/kit/demo/fjordvik.ts";

export function personalDataInLog(log: string): string[] {
  const found = new Set<string>();
  for (const person of demoPersons) {
    for (const [kind, value] of [["given name", person.givenName], ["family name", person.familyName], ["national id", person.nationalId]] as const) {
      if (new RegExp(`\\b${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "u").test(log)) found.add(`${kind} of a demo person (${person.personId})`);
    }
  }
  return [...found];
}
