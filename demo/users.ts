// The demo's people who sign in (`npm run token -- <user>`, the development
// identity provider's sign-in page): every employee in the Fjordvik demo, an
// auditor per service, an administrator of each service's employee directory,
// a stand-in per service who is in no case (what an employee outside a case
// sees: nothing), a register clerk (the hub gives the register's staff
// nothing but its audit log), and two citizens. `claims` are the hub's claims
// each one's sign-in maps to (gateway/identity/).
import type { ActorService, HubClaims } from "../services/kit/auth/caller.ts";
import { serviceEntry, VIEW_SERVICES } from "../services/kit/catalog.ts";
import { demoOfficeStaff, demoPersonId, demoStaff } from "./fjordvik.ts";

export interface DemoUser {
  key: string;
  description: string;
  claims: HubClaims;
  /** An employee's job title, for the sign-in page. */
  title?: string;
}

const lower = (service: string) => service.toLowerCase() as ActorService;

function employees(): DemoUser[] {
  return Object.values(demoStaff).map((staff) => ({
    key: staff.actorId,
    description: `${staff.title}, ${staff.unit}`,
    title: staff.title,
    claims: { sub: staff.actorId, name: staff.displayName, service: lower(staff.service), roles: ["caseworker"], unit: staff.unit },
  }));
}

/**
 * An auditor and a directory administrator of every service with an employee directory,
 * and the register's auditor: the register's are its only staff in the hub (kit/auth/caller.ts).
 */
function officeStaff(): DemoUser[] {
  const registryAuditor: DemoUser = {
    key: "registry-auditor",
    description: "auditor of registry's access log",
    title: "revisor",
    claims: { sub: "registry-auditor-1", name: "Revisor registry", service: "registry", roles: ["auditor"] },
  };
  return [
    ...demoOfficeStaff.map((st): DemoUser => {
      const auditor = st.roles[0] === "auditor";
      return {
        key: st.actorId.replace(/-1$/, ""),
        description: auditor ? `auditor of ${st.service}'s access log` : `administrator of ${st.service}'s employee directory`,
        title: auditor ? "revisor" : "administrator",
        claims: { sub: st.actorId, name: st.displayName, service: st.service, roles: [...st.roles] },
      };
    }),
    registryAuditor,
  ];
}

/**
 * Employees in no case, one per service that takes part in cases, in the unit
 * of its first demo employee — or, for a service the demo has no employee of
 * yet (one just added), a unit named after the service.
 */
function standIns(): DemoUser[] {
  return [...VIEW_SERVICES, "samhandling" as const].map((service) => {
    const unit = Object.values(demoStaff).find((s) => lower(s.service) === service)?.unit ?? serviceEntry(service).title.nb;
    return {
      key: `${service}-vikar-1`,
      description: `vikar, ${unit} (in no case)`,
      title: "vikar",
      claims: { sub: `${service}-vikar-1`, name: `Vikar ${service}`, service, roles: ["caseworker"], unit },
    };
  });
}

function registryClerk(): DemoUser {
  return {
    key: "registry-saksbehandler-1",
    description: "caseworker at the population register (the hub gives the register's staff nothing but its audit log)",
    title: "saksbehandler",
    claims: { sub: "registry-saksbehandler-1", name: "Saksbehandler folkeregisteret", service: "registry", roles: ["caseworker"], unit: "Folkeregisteret" },
  };
}

function citizen(key: string, description: string, family: "haugland" | "nilsen", givenName: string, name: string): DemoUser {
  const personId = demoPersonId(family, givenName);
  return { key, description, claims: { sub: `citizen-${personId}`, name, service: "citizen", roles: ["citizen"], personId, assurance: "high" } };
}

function citizens(): DemoUser[] {
  return [citizen("citizen", "Sara Haugland (34), mother in the Haugland family", "haugland", "Sara", "Sara Haugland"), citizen("emma", "Emma Nilsen (17), BTI level 2", "nilsen", "Emma", "Emma Nilsen")];
}

export function demoUsers(): DemoUser[] {
  const all = [...employees(), ...officeStaff(), ...standIns(), registryClerk(), ...citizens()];
  const coordinator = all.find((u) => u.key === "samhandling-investeringsleder-1");
  if (coordinator) all.unshift({ ...coordinator, key: "coordinator", description: `${coordinator.description} (alias)` });
  return all;
}

export function demoUser(key: string): DemoUser | undefined {
  return demoUsers().find((u) => u.key === key);
}
