// Demo users for development tokens (`npm run token -- <user>`): every
// employee in the Fjordvik demo, an auditor and a directory administrator per
// service, and two citizens.
import type { ActorService, HubClaims } from "../services/kit/auth/caller.ts";
import { demoOfficeStaff, demoPersonId, demoStaff } from "./fjordvik.ts";

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

/**
 * An auditor and a directory administrator of every service in the directory, and the
 * register's auditor: the register's are its only staff in the hub (kit/auth/caller.ts).
 */
function officeStaff(): DemoUser[] {
  const registryAuditor: DemoUser = {
    key: "registry-auditor",
    description: "auditor of registry's access log",
    claims: { sub: "registry-auditor-1", name: "Revisor registry", service: "registry", roles: ["auditor"] },
  };
  return [
    ...demoOfficeStaff.map((st) => ({
      key: st.actorId.replace(/-1$/, ""),
      description: st.roles[0] === "auditor" ? `auditor of ${st.service}'s access log` : `administrator of ${st.service}'s employee directory`,
      claims: { sub: st.actorId, name: st.displayName, service: st.service, roles: [...st.roles] },
    })),
    registryAuditor,
  ];
}

function citizens(): DemoUser[] {
  return [
    { key: "citizen", description: "Sara Haugland (34), mother in the Haugland family", claims: { sub: "citizen-sara", name: "Sara Haugland", service: "citizen", roles: ["citizen"], personId: demoPersonId("haugland", "Sara") } },
    { key: "emma", description: "Emma Nilsen (17), BTI level 2", claims: { sub: "citizen-emma", name: "Emma Nilsen", service: "citizen", roles: ["citizen"], personId: demoPersonId("nilsen", "Emma") } },
  ];
}

export function demoUsers(): DemoUser[] {
  const all = [...employees(), ...officeStaff(), ...citizens()];
  const coordinator = all.find((u) => u.key === "samhandling-investeringsleder-1");
  if (coordinator) all.unshift({ ...coordinator, key: "coordinator", description: `${coordinator.description} (alias)` });
  return all;
}

export function demoUser(key: string): DemoUser | undefined {
  return demoUsers().find((u) => u.key === key);
}
