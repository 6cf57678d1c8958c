import type { MigrationInterface } from "typeorm";
import { ForeignKeys1796157201659 } from "./1796157201659-ForeignKeys";
import { OutboxDelivery1795374158033 } from "./1795374158033-OutboxDelivery";
import { Initial1795368864286 } from "./1795368864286-Initial";
import { TotpLastStep1796158945604 } from "./1796158945604-TotpLastStep";
import { StoreUserAutoRoleIndex1796162400000 } from "./1796162400000-StoreUserAutoRoleIndex";
import { StoreUserCollaboratorPageIndex1796166000000 } from "./1796166000000-StoreUserCollaboratorPageIndex";
import { OrganizationMemberRoleIndex1796170000000 } from "./1796170000000-OrganizationMemberRoleIndex";

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795368864286,
  OutboxDelivery1795374158033,
  ForeignKeys1796157201659,
  TotpLastStep1796158945604,
  StoreUserAutoRoleIndex1796162400000,
  StoreUserCollaboratorPageIndex1796166000000,
  OrganizationMemberRoleIndex1796170000000,
];
