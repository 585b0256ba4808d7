// Dates and the hub's names for services, in the chosen language. Dates from
// the API are ISO strings (Date: 2026-12-07, DateTime: …Z); they are shown in
// Norwegian time, the municipality's.
import type { ActorService, ServiceName } from "../graphql/generated/graphql.ts";
import { isPlainMessageKey, type Lang, type PlainMessageKey } from "./messages.ts";

const LOCALES: Record<Lang, string> = { nb: "nb-NO", en: "en-GB" };
const TIME_ZONE = "Europe/Oslo";

/** A Date (2026-12-07) or DateTime as a day: "7. desember 2026". */
export function formatDate(lang: Lang, iso: string): string {
  // A bare date is a calendar day, not midnight UTC: read it at noon so no time zone moves it.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}

/** A DateTime with its time of day: "7. desember 2026 kl. 09:30". */
export function formatDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(iso));
}

/** The catalog key of a service as samhandling names it (NAV, FAMILY, …). */
export const serviceKey = (service: ServiceName): PlainMessageKey => `service.${service.toLowerCase() as Lowercase<ServiceName>}`;

/** The catalog key of a service as a route names it (lower case: `nav`, `registry`); an unknown name reads as "another service". */
export function logServiceKey(service: string): PlainMessageKey {
  const key = `service.${service}`;
  return isPlainMessageKey(key) ? key : "service.other";
}

/**
 * The catalog key of the service a looker acted for (the API's ActorService:
 * NAV, CITIZEN, GATEWAY, …). Every value the generated type knows must have
 * its key (a type error otherwise); one added later reads as "another service".
 */
export function actorServiceKey(service: ActorService): PlainMessageKey {
  const key: PlainMessageKey = `service.${service.toLowerCase() as Lowercase<ActorService>}`;
  return isPlainMessageKey(key) ? key : "service.other";
}

/** A date field's value (YYYY-MM-DD, Norwegian time) as the instant that day starts (`end`: the instant it ends) in the browser's time zone. */
export function dayBoundary(day: string, end = false): string {
  return new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`).toISOString();
}
