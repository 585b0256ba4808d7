// Every text the app shows, in bokmål: the default language and the source
// of the message keys. English (en.ts) must have exactly these keys and the
// same {placeholders} (test/web/messages.test.ts). Plain language: say what
// happened and what to do next; no codes or jargon in the sentence itself.
export const nb = {
  "language.name": "Norsk (bokmål)",
  "language.switch": "Språk",

  "app.name": "Samhandling",
  "app.description": "Samarbeid om hjelp til barn, unge og familier",
  "document.title": "{page} – Samhandling",

  "shell.skipLink": "Hopp til hovedinnhold",
  "shell.nav.label": "Hovedmeny",
  "shell.user.label": "Innlogget bruker",
  "shell.signIn": "Logg inn",
  "shell.signOut": "Logg ut",
  "shell.footer.privacy": "Opplysninger om en person vises bare når personen har samtykket eller loven gir grunnlag for det. Hvert oppslag blir logget.",
  "shell.footer.owner": "Samhandling er en tjeneste fra kommunen.",
  "shell.loading": "Laster inn …",

  "role.employee": "Ansatt",
  "role.citizen": "Innbygger",
  "role.auditor": "Kontrollør",
  "role.withService": "{role}, {service}",

  "service.nav": "NAV",
  "service.barnevern": "Barnevernet",
  "service.skole": "Skole og barnehage",
  "service.helse": "Helse",
  "service.frivillighet": "Frivillighet",
  "service.samhandling": "Samhandling",
  "service.registry": "Folkeregisteret",
  "service.citizen": "Innbygger",

  "nav.myCases": "Mine saker",
  "nav.findPerson": "Finn person",
  "nav.myConsents": "Mine samtykker",
  "nav.whoHasSeen": "Hvem har sett opplysningene mine",
  "nav.auditLog": "Logg",
  "nav.review": "Til gjennomgang",

  "page.underConstruction": "Denne siden er ikke ferdig ennå.",

  "signIn.title": "Logg inn",
  "signIn.intro": "Her samarbeider kommunens tjenester om hjelp til barn, unge og familier. Logg inn for å se sakene dine.",
  "signIn.required": "Du må logge inn for å se denne siden.",
  "signIn.button": "Logg inn",
  "signIn.callback": "Logger inn …",
  "signIn.notConfigured.title": "Innloggingen er ikke klar",
  "signIn.notConfigured.body": "Innlogging er ikke satt opp på denne tjenesten ennå. Kontakt dem som drifter tjenesten.",

  "notFound.title": "Fant ikke siden",
  "notFound.body": "Vi fant ikke siden du ba om. Sjekk at adressen er riktig, eller gå til forsiden.",
  "forbidden.title": "Ingen tilgang",

  "error.title": "Noe gikk galt",
  "error.code": "Feilkode: {code}",
  "error.retry": "Prøv igjen",
  "error.home": "Gå til forsiden",

  "errors.BAD_USER_INPUT": "Noe av det du fylte inn, kan ikke brukes. Se over feltene og prøv igjen.",
  "errors.UNAUTHENTICATED": "Du er ikke logget inn, eller innloggingen har gått ut. Logg inn på nytt.",
  "errors.SIGN_IN_UNAVAILABLE": "Innloggingen din kunne ikke sjekkes akkurat nå. Prøv igjen om litt.",
  "errors.ASSURANCE_TOO_LOW": "For å gi eller trekke tilbake et samtykke må du logge inn med høyt sikkerhetsnivå, for eksempel BankID. Logg inn på nytt og prøv igjen.",
  "errors.FORBIDDEN": "Du har ikke tilgang til dette. Spør koordinatoren for saken hvis du trenger tilgang.",
  "errors.NOT_FOUND": "Vi fant ikke det du ba om. Det kan være fjernet, eller du har ikke tilgang til det.",
  "errors.CONFLICT": "Dette er allerede gjort, eller noen andre endret det samtidig. Last inn siden på nytt og se om endringen fortsatt trengs.",
  "errors.NOT_COMPETENT": "Du kan ikke gi eller nekte samtykke for denne personen. Det må gjøres av den som har rett til det.",
  "errors.CHILD_VIEW_MISSING": "Når barnet er 7 år eller eldre, skal barnets egen mening være med. Skriv inn hva barnet mener, og prøv igjen.",
  "errors.PURPOSE_MISMATCH": "Opplysningene kan bare vises i saken de hører til. Åpne saken og prøv igjen.",
  "errors.PURPOSE_REQUIRED": "Velg saken du jobber i før du ser opplysninger om en person.",
  "errors.CACHE_INVALIDATION_FAILED": "Endringen kunne ikke tas i bruk i alle tjenestene med en gang. Last inn siden på nytt og se om den er lagret, og prøv igjen om litt hvis ikke.",
  "errors.ACCESS_LOG_UNAVAILABLE": "Opplysningene kan ikke vises akkurat nå, fordi oppslaget ikke kunne logges. Prøv igjen om litt.",
  "errors.GATEWAY_TIMEOUT": "En av tjenestene svarte ikke i tide. Prøv igjen om litt.",
  "errors.SHUTTING_DOWN": "Tjenesten starter på nytt. Prøv igjen om litt.",
  "errors.RATE_LIMITED": "Du har gjort mange forespørsler på kort tid. Vent litt, og prøv igjen.",
  "errors.REQUEST_TOO_LARGE": "Det du sendte, er for stort. Gjør det kortere, og prøv igjen.",
  "errors.PERSISTED_DOCUMENT_NOT_FOUND": "Du bruker en gammel versjon av tjenesten. Last inn siden på nytt.",
  "errors.PERSISTED_DOCUMENT_REQUIRED": "Du bruker en gammel versjon av tjenesten. Last inn siden på nytt.",
  "errors.PERSISTED_DOCUMENTS_UNAVAILABLE": "Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.",
  "errors.INTERNAL_SERVER_ERROR": "Det oppstod en feil hos oss. Prøv igjen om litt. Hvis feilen fortsetter, kontakt brukerstøtte.",
  "errors.NETWORK": "Vi får ikke kontakt med tjenesten. Sjekk at du er koblet til nettet, og prøv igjen.",
  "errors.CONFIG_UNAVAILABLE": "Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen om litt.",
  "errors.SIGN_IN_FAILED": "Innloggingen ble ikke fullført. Prøv å logge inn på nytt.",
  "errors.UNKNOWN": "Det oppstod en feil. Prøv igjen om litt. Hvis feilen fortsetter, kontakt brukerstøtte.",
} as const;

export type MessageKey = keyof typeof nb;
