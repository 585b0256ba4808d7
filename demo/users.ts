// Demo users for development tokens (`npm run token -- <user>`): every
// employee in the Fjordvik demo, an auditor per service, and two citizens.
import type { ActorService, HubClaims } from "../services/kit/auth/caller.ts";
import { VIEW_SERVICES } from "../services/kit/catalog.ts";
import { demoPersonId, demoStaff } from "./fjordvik.ts";

export interface DemoUser {
  key: string;
  description: string;
  claims: HubClaims;
}

function employees(): DemoUser[] {
  return Object.values(demoStaff).map((staff) => ({
    key: staff.actorId,
    description: `${staff.title}, ${staff.unit}`,
    claims: { sub: staff.actorId, name: staff.displayName, service: staff.service.toLowerCase() as ActorService, roles: ["caseworker"] },
  }));
}

/** One per subgraph; the registry's are its only staff in the hub (kit/auth/caller.ts). */
function auditors(): DemoUser[] {
  return [...VIEW_SERVICES, "samhandling" as const, "registry" as const].map((service) => ({
    key: `${service}-auditor`,
    description: `auditor of ${service}'s access log`,
    claims: { sub: `${service}-auditor-1`, name: `Revisor ${service}`, service, roles: ["auditor"] },
  }));
}

function citizens(): DemoUser[] {
  return [
    { key: "citizen", description: "Sara Haugland (34), mother in the Haugland family", claims: { sub: "citizen-sara", name: "Sara Haugland", service: "citizen", roles: ["citizen"], personId: demoPersonId("haugland", "Sara") } },
    { key: "emma", description: "Emma Nilsen (17), BTI level 2", claims: { sub: "citizen-emma", name: "Emma Nilsen", service: "citizen", roles: ["citizen"], personId: demoPersonId("nilsen", "Emma") } },
  ];
}

export function demoUsers(): DemoUser[] {
  const all = [...employees(), ...auditors(), ...citizens()];
  const coordinator = all.find((u) => u.key === "samhandling-investeringsleder-1");
  if (coordinator) all.unshift({ ...coordinator, key: "coordinator", description: `${coordinator.description} (alias)` });
  return all;
}

export function demoUser(key: string): DemoUser | undefined {
  return demoUsers().find((u) => u.key === key);
}
