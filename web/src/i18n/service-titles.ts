// Every service's name in the message catalog (`service.<name>`), from the
// catalog's titles: a service added to the catalog has its name in the app,
// in both languages, with no message of its own. nb.ts and en.ts may word a
// service's name for running text ("Barnevernet") after the spread.
import { CATALOG, type Bilingual, type ServiceName } from "../../../services/kit/catalog.ts";

export function serviceTitles(lang: keyof Bilingual): Record<`service.${ServiceName}`, string> {
  // Object.fromEntries loses the keys' type; they are `service.` and every name of the catalog.
  return Object.fromEntries(CATALOG.map((e) => [`service.${e.name}`, e.title[lang]])) as Record<`service.${ServiceName}`, string>;
}
