// GraphQL types of the employee directory: an entry, and what an
// administrator may set on one.
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { EmployeeSource, ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";
import "../service-name.ts";

registerEnumType(EmployeeSource, {
  name: "EmployeeSource",
  description: "How a directory entry came to be.",
  valuesConfig: {
    SIGN_IN: { description: "From the verified claims of the employee's first sign-in." },
    SEED: { description: "From the demo data." },
    ADMIN: { description: "Registered by an administrator of the employee's service." },
    MIGRATION: { description: "From a case membership older than the directory." },
  },
});

@ObjectType({ description: "An employee in the directory: who works in which service and unit. Case members are directory entries." })
export class Employee {
  @Field(() => ID, { description: "The employee's actor id (their sign-in subject)." })
  actorId!: string;

  @Field(() => String, { description: "The name shown to the people in a case." })
  displayName!: string;

  @Field(() => ServiceName, { description: "The service the employee works for (from the identity provider, never from a case)." })
  service!: ServiceName;

  @Field(() => String, { nullable: true, description: "The unit within the service, as the service's administrators keep it." })
  unit?: string | null;

  @Field(() => [String], { description: "The hub roles of their last sign-in (caseworker, auditor, admin)." })
  roles!: string[];

  @Field(() => Boolean, { description: "An inactive employee takes part in no case and sees nothing through one." })
  active!: boolean;

  @Field(() => EmployeeSource, { description: "How the entry came to be." })
  source!: EmployeeSource;

  @Field(() => DateTimeScalar, { description: "When the entry last changed." })
  updatedAt!: Date;
}

@InputType({ description: "An employee an administrator registers before their first sign-in, in the administrator's own service." })
export class RegisterEmployeeInput {
  @Field(() => ID, { description: "The actor id the identity provider will sign them in with." })
  actorId!: string;

  @Field(() => String, { description: "The name shown to the people in a case." })
  displayName!: string;

  @Field(() => String, { nullable: true, description: "The unit within your service." })
  unit?: string | null;
}
