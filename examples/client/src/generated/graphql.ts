/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** What a path of access goes through. */
export type AccessViaKind =
  /** An organization role: Organization administrator, or Store user administrator assigned to the store. */
  | 'ORGANIZATION_ROLE'
  /** Owning the store or its organization. */
  | 'OWNERSHIP'
  /** A partner organization's store access setting (R24, R25), which may also take access away. */
  | 'PARTNER_SETTING'
  /** A store role held in the store (see role). */
  | 'ROLE'
  /** A rule of the domain, e.g. an expired account (R17) or no Point of Sale (R12). */
  | 'RULE';

/** Narrows an audit log; every filter left out lets everything through. */
export type AuditLogFilter = {
  /** Only these actions, e.g. collaborator.accepted, role.updated. */
  actions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Events by this user (a User id). */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Events at or after this instant. */
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Events before this instant (exclusive). */
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** Edits to a request's auto-generated role, applied as it is accepted (R6, R10); null fields stay as they are. */
export type AutoRoleInput = {
  /** A new name, 1 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The store permission handles the role will hold instead; none beyond the viewer's own (ESCALATION). */
  permissions?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The client a session signed in through (R19). */
export type ClientKind =
  /** The merchant's admin. */
  | 'ADMIN'
  /** The mobile app: a collaborator must have logged into the store through the partner dashboard once (R19). */
  | 'MOBILE_APP'
  /** The partner dashboard (the default); a collaborator's first visit here unlocks the mobile app (R19). */
  | 'PARTNER_DASHBOARD';

/** How to accept a request: the roles to give (at least one in all, R8), and what becomes of the auto-generated role. */
export type CollaboratorRequestAcceptInput = {
  /** Edits to the auto-generated role before it is given (R6, R10). */
  autoRole?: InputMaybe<AutoRoleInput>;
  /** True: accept without the auto-generated role, which is deleted (R8); false or null (the default) keeps it. */
  dropAutoRole?: InputMaybe<Scalars['Boolean']['input']>;
  /** Existing store roles of the store or its organization to assign too (R8, R11). */
  roleIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A partner user's request for collaborator access to a store (R2-R6). */
export type CollaboratorRequestCreateInput = {
  /** A message to the store (R4), at most 2,000 characters. */
  message?: InputMaybe<Scalars['String']['input']>;
  /** Which of the viewer's partner organizations asks; when null, the first of their memberships that may add managed stores (R25). */
  partnerOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** The store permission handles asked for (R4), at least one, from `permissions`; the auto-generated role gets them (R6). */
  permissions: Array<Scalars['String']['input']>;
  /** The store's four-digit collaborator request code; needed unless the store turned it off (R2, R3). */
  requestCode?: InputMaybe<Scalars['String']['input']>;
  /** The store's domain, as its merchant gave it (case does not matter). */
  storeDomain: Scalars['String']['input'];
};

/** A collaborator account from request to end (R7, R17). */
export type CollaboratorStatus =
  /** An accepted collaborator account that works in the store. */
  | 'ACTIVE'
  /** A request not answered within 7 days (R7), or an account not logged into for 90 days (R17); it gives no access. */
  | 'EXPIRED'
  /** The store rejected the request; the partner organization is blocked from asking again (R18). */
  | 'REJECTED'
  /** The account was removed (R16), permanently: coming back takes a new request. */
  | 'REMOVED'
  /** A pending request, waiting for the store to accept or reject it (R7). */
  | 'REQUESTED'
  /** The request was withdrawn by the requester, or when the partner organization removed its access. */
  | 'WITHDRAWN';

/** Where a notification goes. */
export type NotificationChannel =
  /** An email to a person or to the store's account email. */
  | 'EMAIL'
  /** A notification on the store's home in the admin. */
  | 'HOME';

/** R27: an invitation's token and, for a new account, its name and password. */
export type PartnerInvitationAcceptInput = {
  /** Without a session, for an email with no account yet: the new account's name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Without a session, for an email with no account yet: the new account's password (at least 10 characters). */
  password?: InputMaybe<Scalars['String']['input']>;
  /** The token of the invitation email. */
  token: Scalars['String']['input'];
};

/** R27: whom to invite, as what, and (staff) with which permissions and store access. */
export type PartnerMemberInviteInput = {
  /** Where the invitation goes; stored lower-cased (INVALID_EMAIL, ALREADY_MEMBER). */
  email: Scalars['String']['input'];
  /** The partner organization to join. */
  partnerOrganizationId: Scalars['ID']['input'];
  /** STAFF: R23 sensitive permissions, e.g. manage_members (UNKNOWN_PARTNER_PERMISSION; ESCALATION for one the inviter lacks). None when left out. */
  permissions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** STAFF: access per store type; types not given are NONE. */
  storeAccess?: InputMaybe<Array<StoreAccessInput>>;
  /** Inviting an OWNER is for owners (R22). */
  type: PartnerMemberType;
};

/** R27: INVITED until the invitee accepts; then ACTIVE. */
export type PartnerMemberStatus =
  /** A member who accepted the invitation. */
  | 'ACTIVE'
  /** A pending invitation: no user yet, or one who has not accepted; it gives no access. */
  | 'INVITED';

/** A partner organization member's standing (R22). */
export type PartnerMemberType =
  /** Sees and does everything, in every store of the organization; manages owners too. */
  | 'OWNER'
  /** Has only the sensitive permissions (R23) and store access (R24, R25) given to them. */
  | 'STAFF';

/** What is not given stays as it is. */
export type PartnerMemberUpdateInput = {
  /** STAFF: replaces the R23 sensitive permissions. */
  permissions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** STAFF: replaces the access of each store type given; other types stay. */
  storeAccess?: InputMaybe<Array<StoreAccessInput>>;
  /** Promoting to or demoting from OWNER is for owners (R22). */
  type?: InputMaybe<PartnerMemberType>;
};

/** R30: a report of a partner organization to platform support. */
export type PartnerOrganizationReportInput = {
  /** A partner organization that has or had a request or account on the store. */
  partnerOrganizationId: Scalars['ID']['input'];
  /** 10 to 2,000 characters. */
  reason: Scalars['String']['input'];
  /** A store whose collaborators the viewer manages (R9). */
  storeId: Scalars['ID']['input'];
};

/** R30: a report is OPEN until platform support closes it. */
export type PartnerReportStatus =
  /** Closed by platform support, with a resolution. */
  | 'CLOSED'
  /** Waiting for platform support. */
  | 'OPEN';

/** A new development or Plus sandbox store of a partner organization (R24, R25). */
export type PartnerStoreCreateInput = {
  /** A host name such as dev-shop.example.com, unused by any other store (TAKEN); stored lower-cased. */
  domain: Scalars['String']['input'];
  /** 1 to 200 characters (trimmed). */
  name: Scalars['String']['input'];
  /** A partner organization the viewer is an active member of. */
  partnerOrganizationId: Scalars['ID']['input'];
  /** DEVELOPMENT, or PLUS_SANDBOX in a Plus partner organization (R24). */
  storeType: StoreType;
};

/** R26: the store's team page: staff members with SPECIFIC access to the store's type gain or lose the store. */
export type PartnerStoreTeamUpdateInput = {
  /** Staff members (PartnerMember ids) who gain the store; each needs SPECIFIC access to its type. */
  addMemberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The partner organization whose team changes. */
  partnerOrganizationId: Scalars['ID']['input'];
  /** Staff members (PartnerMember ids) who lose the store; never also in addMemberIds. */
  removeMemberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of the organization's stores (STORE_NOT_IN_ORGANIZATION). */
  storeId: Scalars['ID']['input'];
};

/** A new role: give `storeId` for a store role or `organizationId` for an organization's role. */
export type RoleCreateInput = {
  /** 1 to 200 characters, not the name of another role there (TAKEN). */
  name: Scalars['String']['input'];
  /** The organization the role belongs to: a store role assigned per store, or an organization role. */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Permission handles, at least one, all store or all organization permissions (the role's scope follows); a store role holds store permissions only. */
  permissions: Array<Scalars['String']['input']>;
  /** The store the role belongs to; give exactly one of `storeId` and `organizationId` (else INVALID). */
  storeId?: InputMaybe<Scalars['ID']['input']>;
};

/** Which kind of permissions a role holds; never both. */
export type RoleScope =
  /** An organization role: organization permissions, never assignable to a collaborator (R11). */
  | 'ORGANIZATION'
  /** A store role: store permissions, assigned per store. */
  | 'STORE';

/** Changes to a role; null fields stay as they are. */
export type RoleUpdateInput = {
  /** A new name, 1 to 200 characters, not taken there. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The permission handles the role will hold instead, of the role's scope; for a store role, none beyond the viewer's own (ESCALATION). */
  permissions?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What `signIn` asks: email and password, and the second step when it is on (R27). */
export type SignInInput = {
  /** The client signing in; the mobile app reaches a store only after a login through the partner dashboard (R19). */
  client?: InputMaybe<ClientKind>;
  /** The account's email address (case and spaces around it do not matter). */
  email: Scalars['String']['input'];
  /** The authenticator code or a recovery code, when two-step sign-in is on (R27). */
  otp?: InputMaybe<Scalars['String']['input']>;
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** A staff member's access to one type of store (R24) and the actions there (R25). */
export type StoreAccessInput = {
  /** NONE, ALL (existing and future stores) or SPECIFIC (storeIds). */
  access: StoreAccessLevel;
  /** R25: DEVELOPMENT: ADD_ARCHIVE_UNARCHIVE, TRANSFER; MANAGED: ADD_REMOVE; PLUS_SANDBOX: ADD_ARCHIVE_UNARCHIVE. Not with NONE. */
  actions?: InputMaybe<Array<StoreAction>>;
  /** SPECIFIC only: the organization's stores of this type. */
  storeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** PLUS_SANDBOX only in Plus partner organizations. */
  storeType: StoreType;
};

/** How much of one store type a partner staff member reaches (R24). */
export type StoreAccessLevel =
  /** Every store of the type, existing and future. */
  | 'ALL'
  /** No store of the type. */
  | 'NONE'
  /** Only the stores listed in storeIds. */
  | 'SPECIFIC';

/** What a partner staff member may do with the stores of a type they reach (R25). */
export type StoreAction =
  /** Development and Plus sandbox stores: create them, archive and unarchive them. */
  | 'ADD_ARCHIVE_UNARCHIVE'
  /** Managed stores: request collaborator access to client stores, and remove the organization's access. */
  | 'ADD_REMOVE'
  /** Development stores: transfer one to a merchant. */
  | 'TRANSFER';

/** The kinds of store, as a partner organization's store access sees them (R24). */
export type StoreType =
  /** A partner organization's own development store; it can be transferred to a merchant (R25). */
  | 'DEVELOPMENT'
  /** A merchant's store, reached by partners through collaborator requests. */
  | 'MANAGED'
  /** A Plus partner organization's own sandbox store; only in Plus organizations (R24). */
  | 'PLUS_SANDBOX';

/** Why a mutation refused its input; the message says it in words. */
export type UserErrorCode =
  /** The requester already has a collaborator account on the store (R29). */
  | 'ALREADY_COLLABORATOR'
  /** The person is already a member of the partner organization, or invited to it. */
  | 'ALREADY_MEMBER'
  /** The user already owns the store. */
  | 'ALREADY_OWNER'
  /** The requester already has a pending request for the store (R29). */
  | 'ALREADY_REQUESTED'
  /** The requester is staff of the store and cannot be its collaborator (R4). */
  | 'ALREADY_STAFF'
  /** The store is archived (R25). */
  | 'ARCHIVED'
  /** In an organization, only its owner and organization administrators edit or accept with the auto-generated role (R10). */
  | 'AUTO_ROLE_LOCKED'
  /** The viewer tried to grant a permission they do not hold. */
  | 'ESCALATION'
  /** A value is malformed or out of bounds (an empty or too long name or message, both or neither of two ids). */
  | 'INVALID'
  /** Email or password is incorrect (which of the two is never said). */
  | 'INVALID_CREDENTIALS'
  /** Not a valid email address. */
  | 'INVALID_EMAIL'
  /** The authenticator or recovery code is wrong or already used (R27). */
  | 'INVALID_OTP'
  /** The viewer's own password, asked to confirm a sensitive change (such as removing a collaborator, R16), is wrong. */
  | 'INVALID_PASSWORD'
  /** The collaborator request code is wrong or was regenerated (R3). */
  | 'INVALID_REQUEST_CODE'
  /** A member's store access setting is inconsistent (R24). */
  | 'INVALID_STORE_ACCESS'
  /** The reset token or invitation is unknown, used, revoked or expired. */
  | 'INVALID_TOKEN'
  /** The invitation expired after 7 days; ask for it to be sent again. */
  | 'INVITATION_EXPIRED'
  /** The invitation was already accepted. */
  | 'INVITATION_NOT_PENDING'
  /** The last owner of a partner organization cannot be removed or demoted (R22). */
  | 'LAST_OWNER'
  /** The collaborator account is not active (pending, expired, removed). */
  | 'NOT_ACTIVE'
  /** The store is not archived. */
  | 'NOT_ARCHIVED'
  /** Only members of a partner organization can request collaborator access (R4). */
  | 'NOT_A_PARTNER'
  /** The partner organization is not blocked from the store. */
  | 'NOT_BLOCKED'
  /** The id or domain names nothing the viewer may act on (what one may not see reads as missing). */
  | 'NOT_FOUND'
  /** The request is no longer pending: decided, withdrawn or expired (R7, R29). */
  | 'NOT_PENDING'
  /** Ownership goes only to an active staff member of the store. */
  | 'NOT_STAFF'
  /** Two-step sign-in is on: give the authenticator code or a recovery code (R27). */
  | 'OTP_REQUIRED'
  /** Ownership can never go to a collaborator (R13). */
  | 'OWNERSHIP_TO_COLLABORATOR'
  /** Only owners of the partner organization may do this (R22). */
  | 'OWNERS_ONLY'
  /** The viewer's partner organization does not let them add managed stores (R25). */
  | 'PARTNER_ACCESS_DENIED'
  /** Store and organization permissions are mixed, or do not fit the role or request. */
  | 'PERMISSION_SCOPE_MISMATCH'
  /** Plus sandbox stores, and access to them, exist only for Plus partner organizations (R24). */
  | 'PLUS_ONLY'
  /** The report is already closed (R30). */
  | 'REPORT_CLOSED'
  /** The store rejected a request of this partner organization; platform support must lift the block (R18). */
  | 'REQUEST_BLOCKED'
  /** The store asks for its four-digit collaborator request code (R2). */
  | 'REQUEST_CODE_REQUIRED'
  /** The role is still assigned to a user or to a pending request. */
  | 'ROLE_IN_USE'
  /** The role can never be assigned to a collaborator: a system or organization role (R11). */
  | 'ROLE_NOT_ASSIGNABLE'
  /** A collaborator needs at least one role (R8). */
  | 'ROLE_REQUIRED'
  /** The store is not one the partner organization has access to. */
  | 'STORE_NOT_IN_ORGANIZATION'
  /** The action does not apply to this type of store (R25). */
  | 'STORE_TYPE_MISMATCH'
  /** A system role (Administrator, Organization administrator, Store user administrator) cannot be edited or deleted. */
  | 'SYSTEM_ROLE'
  /** The name or domain is already used here. */
  | 'TAKEN'
  /** Two-step sign-in is already on (R27). */
  | 'TWO_FACTOR_ENABLED'
  /** Two-step sign-in is not on (R27). */
  | 'TWO_FACTOR_NOT_ENABLED'
  /** Start with `twoFactorEnroll` first, or start again: the enrolment changed (R27). */
  | 'TWO_FACTOR_NOT_ENROLLED'
  /** The language is not one the service supports. */
  | 'UNKNOWN_LANGUAGE'
  /** A partner permission handle is unknown (R23). */
  | 'UNKNOWN_PARTNER_PERMISSION'
  /** A permission handle is not in the catalog (`permissions`). */
  | 'UNKNOWN_PERMISSION'
  /** The new password is too short or too long, or is the email address. */
  | 'WEAK_PASSWORD';

/** Statuses of the users index (R28). */
export type UserStatus =
  /** Has access to the store. */
  | 'ACTIVE'
  /** A collaborator request or account that expired (R7, R17). */
  | 'EXPIRED'
  /** Removed, or a collaborator request that was rejected or withdrawn. */
  | 'REMOVED'
  /** A collaborator request not yet answered (R7). */
  | 'REQUESTED';

/** Whether a user of a store is the merchant's own staff or a partner's collaborator account. */
export type UserType =
  /** A partner user's collaborator account on this one store (R14). */
  | 'COLLABORATOR'
  /** The merchant's own people: owners, staff and organization members. */
  | 'STAFF';

/** The viewer's own name and language; fields left out stay as they are. */
export type ViewerUpdateInput = {
  /** 1 to 200 characters, trimmed (INVALID). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A supported language tag, any case: en, da, ja, sv, de, fr, es, nl, it, pt-BR (UNKNOWN_LANGUAGE). */
  preferredLanguage?: InputMaybe<Scalars['String']['input']>;
};

export type ProblemsFragment = { code: UserErrorCode | null, field: Array<string> | null, message: string };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { token: string | null, viewer: { id: string, name: string, email: string } | null, userErrors: Array<{ code: UserErrorCode | null, field: Array<string> | null, message: string }> } | null };

export type RequestAccessMutationVariables = Exact<{
  input: CollaboratorRequestCreateInput;
}>;


export type RequestAccessMutation = { collaboratorRequestCreate: { collaborator: { id: string, status: CollaboratorStatus, store: { name: string, domain: string }, requestedPermissions: Array<{ handle: string }> } | null, userErrors: Array<{ code: UserErrorCode | null, field: Array<string> | null, message: string }> } | null };

export type AcceptPreviewQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  input?: InputMaybe<CollaboratorRequestAcceptInput>;
}>;


export type AcceptPreviewQuery = { collaboratorRequestAcceptPreview: { collaborator: { user: { id: string, name: string }, store: { id: string, name: string } } | null, roles: Array<{ name: string, permissions: Array<{ handle: string }> }>, permissions: Array<{ handle: string }>, sensitivePermissions: Array<{ handle: string }>, beyondRequested: Array<{ handle: string }>, userErrors: Array<{ code: UserErrorCode | null, field: Array<string> | null, message: string }> } };

export type AcceptMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input?: InputMaybe<CollaboratorRequestAcceptInput>;
}>;


export type AcceptMutation = { collaboratorRequestAccept: { collaborator: { status: CollaboratorStatus, acceptedAt: string | null, roles: Array<{ name: string }>, permissions: Array<{ handle: string }> } | null, userErrors: Array<{ code: UserErrorCode | null, field: Array<string> | null, message: string }> } | null };

export type ExplainAccessQueryVariables = Exact<{
  userId: Scalars['ID']['input'];
  storeId: Scalars['ID']['input'];
  permission: Scalars['String']['input'];
}>;


export type ExplainAccessQuery = { explainAccess: { allowed: boolean, via: Array<{ kind: AccessViaKind, reason: string, role: { name: string } | null }> } };

export type AuditTrailQueryVariables = Exact<{
  storeId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditTrailQuery = { auditLog: { nodes: Array<{ createdAt: string, action: string, actorName: string, targetType: string | null, targetName: string | null, details: unknown }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ProblemsFragmentDoc = new TypedDocumentString(`
    fragment Problems on UserError {
  code
  field
  message
}
    `, {"fragmentName":"Problems"}) as unknown as TypedDocumentString<ProblemsFragment, unknown>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    token
    viewer {
      id
      name
      email
    }
    userErrors {
      ...Problems
    }
  }
}
    fragment Problems on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const RequestAccessDocument = new TypedDocumentString(`
    mutation RequestAccess($input: CollaboratorRequestCreateInput!) {
  collaboratorRequestCreate(input: $input) {
    collaborator {
      id
      status
      store {
        name
        domain
      }
      requestedPermissions {
        handle
      }
    }
    userErrors {
      ...Problems
    }
  }
}
    fragment Problems on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<RequestAccessMutation, RequestAccessMutationVariables>;
export const AcceptPreviewDocument = new TypedDocumentString(`
    query AcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {
  collaboratorRequestAcceptPreview(id: $id, input: $input) {
    collaborator {
      user {
        id
        name
      }
      store {
        id
        name
      }
    }
    roles {
      name
      permissions {
        handle
      }
    }
    permissions {
      handle
    }
    sensitivePermissions {
      handle
    }
    beyondRequested {
      handle
    }
    userErrors {
      ...Problems
    }
  }
}
    fragment Problems on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<AcceptPreviewQuery, AcceptPreviewQueryVariables>;
export const AcceptDocument = new TypedDocumentString(`
    mutation Accept($id: ID!, $input: CollaboratorRequestAcceptInput) {
  collaboratorRequestAccept(id: $id, input: $input) {
    collaborator {
      status
      acceptedAt
      roles {
        name
      }
      permissions {
        handle
      }
    }
    userErrors {
      ...Problems
    }
  }
}
    fragment Problems on UserError {
  code
  field
  message
}`) as unknown as TypedDocumentString<AcceptMutation, AcceptMutationVariables>;
export const ExplainAccessDocument = new TypedDocumentString(`
    query ExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {
  explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {
    allowed
    via {
      kind
      reason
      role {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplainAccessQuery, ExplainAccessQueryVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($storeId: ID!, $after: String) {
  auditLog(storeId: $storeId, first: 50, after: $after) {
    nodes {
      createdAt
      action
      actorName
      targetType
      targetName
      details
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;