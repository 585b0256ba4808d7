// The message catalog: both languages say the same things, and every error
// code the hub can answer with has a plain message.
import { describe, expect, test } from "vitest";
import { CATALOGS, LANGUAGES, placeholders, translator } from "../../web/src/i18n/messages.ts";
import { ERROR_CODES, errorCodeOf, errorMessageKey, AppError } from "../../web/src/errors/errors.ts";
import { ERROR_CODES as HUB_ERROR_CODES } from "../../services/kit/error-codes.ts";

describe("message catalog", () => {
  test("bokmål and English have the same keys", () => {
    expect(Object.keys(CATALOGS.en).sort()).toEqual(Object.keys(CATALOGS.nb).sort());
  });

  test("each message uses the same placeholders in both languages", () => {
    const differing = Object.keys(CATALOGS.nb).filter((key) => {
      const k = key as keyof typeof CATALOGS.nb;
      return placeholders(CATALOGS.nb[k]).join() !== placeholders(CATALOGS.en[k]).join();
    });
    expect(differing).toEqual([]);
  });

  test("no message is empty or left untranslated by accident", () => {
    for (const lang of LANGUAGES) {
      const empty = Object.entries(CATALOGS[lang]).filter(([, text]) => text.trim() === "");
      expect(empty, lang).toEqual([]);
    }
    // Names the same in both languages are listed here on purpose; anything else identical was not translated.
    const sameOnPurpose = new Set([
      ...["app.name", "document.title", "role.withService", "service.nav", "service.samhandling"],
      // Domain words and layouts of other texts.
      ...["case.field.status", "consent.field.status", "case.holder", "overview.person", "view.item", "log.title", "log.meta", "member.option", "members.meta", "members.add.optionUnit"],
    ]);
    const identical = Object.keys(CATALOGS.nb).filter((key) => !sameOnPurpose.has(key) && CATALOGS.nb[key as keyof typeof CATALOGS.nb] === CATALOGS.en[key as keyof typeof CATALOGS.en]);
    expect(identical).toEqual([]);
  });

  test("placeholders are filled in; the language decides the text", () => {
    expect(translator("nb")("error.code", { code: "FORBIDDEN" })).toBe("Feilkode: FORBIDDEN");
    expect(translator("en")("error.code", { code: "FORBIDDEN" })).toBe("Error code: FORBIDDEN");
    expect(translator("nb")("document.title", { page: "Mine saker" })).toBe("Mine saker – Samhandling");
  });
});

describe("error messages", () => {
  test("every code in the hub's error registry has a plain message", () => {
    expect(Object.keys(HUB_ERROR_CODES).filter((code) => !(ERROR_CODES as string[]).includes(code))).toEqual([]);
  });

  test("the gateway's own codes have one too", () => {
    // gateway/trusted-documents.ts, kit/lifecycle.ts, the gateway's limits and timeouts.
    const gatewayCodes = ["PERSISTED_DOCUMENT_NOT_FOUND", "PERSISTED_DOCUMENT_REQUIRED", "PERSISTED_DOCUMENTS_UNAVAILABLE", "SHUTTING_DOWN", "GATEWAY_TIMEOUT", "RATE_LIMITED", "REQUEST_TOO_LARGE", "PURPOSE_MISMATCH", "CACHE_INVALIDATION_FAILED", "ACCESS_LOG_UNAVAILABLE"];
    expect(gatewayCodes.filter((code) => !(ERROR_CODES as string[]).includes(code))).toEqual([]);
  });

  test("an error's code comes from extensions.code, a failed connection is NETWORK, anything else UNKNOWN", () => {
    expect(errorCodeOf({ graphQLErrors: [{ message: "x", extensions: {} }, { message: "y", extensions: { code: "FORBIDDEN" } }] })).toBe("FORBIDDEN");
    expect(errorCodeOf({ graphQLErrors: [], networkError: new TypeError("Failed to fetch") })).toBe("NETWORK");
    expect(errorCodeOf(new AppError("SIGN_IN_FAILED"))).toBe("SIGN_IN_FAILED");
    expect(errorCodeOf(new Error("boom"))).toBe("UNKNOWN");
    expect(errorMessageKey("FORBIDDEN")).toBe("errors.FORBIDDEN");
    expect(errorMessageKey("SOMETHING_NEW")).toBe("errors.UNKNOWN");
  });
});
