// The access log's closed sets (issue 26): every basis the hub writes reads
// back as its enum value and the reference it names, and a stored value this
// version has no name for reads as OTHER instead of failing the log.
import { describe, expect, it } from "vitest";
import { ACCESS_BASES, ACCESS_REASONS, BASIS_TEXTS, auditBasis, basisNaming, shownActorService, shownBasis, shownReason } from "../services/kit/access-values.ts";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";
import { LEGAL_BASES } from "../services/samhandling/consent/decide.ts";
import { SEARCH_BASIS } from "../services/registry/search-log.ts";

describe("bases, as stored and as shown", () => {
  it("reads every basis text the hub writes as its own value, naming nothing", () => {
    for (const [name, text] of Object.entries(BASIS_TEXTS)) {
      const shown = shownBasis(text);
      expect(shown.basis, name).not.toBe("OTHER");
      expect(shown.basisReference, name).toBeNull();
    }
    expect(shownBasis(LEGAL_BASES.SELF).basis).toBe("RIGHT_OF_ACCESS");
    expect(shownBasis(LEGAL_BASES.OWN_SERVICE).basis).toBe("OWN_RECORDS");
    expect(shownBasis(BASIS_TEXTS.OWN_STAFETTLOGG_ENTRIES).basis).toBe("OWN_RECORDS");
    expect(shownBasis(SEARCH_BASIS.nationalId).basis).toBe("PERSON_SEARCH_BY_NATIONAL_ID");
  });

  it("reads a basis that names something as its value and the id it names", () => {
    expect(shownBasis(basisNaming("CONSENT", "cn-1"))).toEqual({ basis: "CONSENT", basisReference: "cn-1" });
    expect(shownBasis(basisNaming("CASE", "c-1"))).toEqual({ basis: "CASE", basisReference: "c-1" });
    expect(shownBasis(basisNaming("INFORMATION_REQUEST", "ir-1"))).toEqual({ basis: "INFORMATION_REQUEST", basisReference: "ir-1" });
    expect(shownBasis(basisNaming("WRITE", "startInvolvement:CREATED"))).toEqual({ basis: "WRITE", basisReference: "startInvolvement:CREATED" });
    expect(shownBasis(basisNaming("DRY_RUN", "startInvolvement:CREATED"))).toEqual({ basis: "DRY_RUN", basisReference: "startInvolvement:CREATED" });
    expect(shownBasis(auditBasis("nav"))).toEqual({ basis: "AUDIT", basisReference: "nav" });
    // As the log has stored them all along: the rows' hashes depend on it.
    expect(basisNaming("CONSENT", "cn-1")).toBe("consent:cn-1");
    expect(auditBasis("nav")).toBe("Audit of nav's access log");
  });

  it("shows no basis as null, and one it has no name for as OTHER with the text as recorded", () => {
    expect(shownBasis(null)).toEqual({ basis: null, basisReference: null });
    expect(shownBasis("Some basis of a later version")).toEqual({ basis: "OTHER", basisReference: "Some basis of a later version" });
  });

  it("gives every value a description", () => {
    for (const [value, entry] of Object.entries(ACCESS_BASES)) expect(entry.description.length, value).toBeGreaterThan(20);
    for (const [value, entry] of Object.entries(ACCESS_REASONS)) expect(entry.description.length, value).toBeGreaterThan(10);
  });
});

describe("reasons and services, as shown", () => {
  it("shows a stored reason as itself, and one it has no name for as OTHER", () => {
    expect(shownReason("CONSENT")).toBe("CONSENT");
    expect(shownReason("A_RULE_OF_A_LATER_VERSION")).toBe("OTHER");
  });

  it("shows the looker's service in capitals, and one it has no name for as OTHER", () => {
    for (const service of SERVICE_NAMES) expect(shownActorService(service)).toBe(service.toUpperCase());
    expect(shownActorService("citizen")).toBe("CITIZEN");
    expect(shownActorService("gateway")).toBe("GATEWAY");
    expect(shownActorService("none")).toBe("NONE");
    expect(shownActorService("martians")).toBe("OTHER");
  });
});
