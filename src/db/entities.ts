import { AuditChainHead, AuditEvent } from "../domain/audit/audit-event.entity";
import { RequestBlock, RequestCodeMiss, StoreUser, StoreUserRole } from "../domain/collaborators/store-user.entity";
import { Notification } from "../domain/notifications/notification.entity";
import {
  Organization,
  OrganizationMember,
  OrganizationMemberRole,
  OrganizationMemberStore,
} from "../domain/organizations/organization.entity";
import { PartnerMember, PartnerOrganization, PartnerReport } from "../domain/partners/partner.entity";
import { KnownDevice, PasswordResetToken, RecoveryCode } from "../domain/users/account-security.entity";
import { Role, RolePermission } from "../domain/roles/role.entity";
import { Store } from "../domain/stores/store.entity";
import { Session } from "../domain/users/session.entity";
import { User } from "../domain/users/user.entity";

export const ENTITIES = [
  User,
  Session,
  Organization,
  OrganizationMember,
  OrganizationMemberRole,
  OrganizationMemberStore,
  Store,
  Role,
  RolePermission,
  StoreUser,
  StoreUserRole,
  RequestBlock,
  RequestCodeMiss,
  PartnerOrganization,
  PartnerMember,
  PartnerReport,
  AuditEvent,
  AuditChainHead,
  Notification,
  RecoveryCode,
  KnownDevice,
  PasswordResetToken,
];
