import { AuditChainHead } from "../domain/audit/audit-chain-head.entity";
import { AuditEvent } from "../domain/audit/audit-event.entity";
import { RequestBlock } from "../domain/collaborators/request-block.entity";
import { RequestCodeMiss } from "../domain/collaborators/request-code-miss.entity";
import { StoreUser } from "../domain/collaborators/store-user.entity";
import { StoreUserRole } from "../domain/collaborators/store-user-role.entity";
import { Notification } from "../domain/notifications/notification.entity";
import { Organization } from "../domain/organizations/organization.entity";
import { OrganizationMember } from "../domain/organizations/organization-member.entity";
import { OrganizationMemberRole } from "../domain/organizations/organization-member-role.entity";
import { OrganizationMemberStore } from "../domain/organizations/organization-member-store.entity";
import { PartnerMember } from "../domain/partners/partner-member.entity";
import { PartnerOrganization } from "../domain/partners/partner-organization.entity";
import { PartnerReport } from "../domain/partners/partner-report.entity";
import { KnownDevice } from "../domain/users/known-device.entity";
import { PasswordResetToken } from "../domain/users/password-reset-token.entity";
import { RecoveryCode } from "../domain/users/recovery-code.entity";
import { Role } from "../domain/roles/role.entity";
import { RolePermission } from "../domain/roles/role-permission.entity";
import { Store } from "../domain/stores/store.entity";
import { Session } from "../domain/users/session.entity";
import { User } from "../domain/users/user.entity";

/**
 * Every entity, each after the entities its foreign keys reference, so that deleting tables in the
 * reverse of this order (the seed loader empties the database so) never breaks a foreign key.
 */
export const ENTITIES = [
  User,
  Session,
  RecoveryCode,
  KnownDevice,
  PasswordResetToken,
  PartnerOrganization,
  PartnerMember,
  Organization,
  OrganizationMember,
  Store,
  OrganizationMemberStore,
  Role,
  RolePermission,
  OrganizationMemberRole,
  StoreUser,
  StoreUserRole,
  RequestBlock,
  RequestCodeMiss,
  PartnerReport,
  AuditEvent,
  AuditChainHead,
  Notification,
];
