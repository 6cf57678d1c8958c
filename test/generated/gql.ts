/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AccessExplain($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n    }\n  }\n": typeof types.AccessExplainDocument,
    "\n  query AccessCollaborators($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $status) {\n        nodes {\n          id\n          status\n          lastLoginAt\n          user {\n            email\n          }\n          roles {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AccessCollaboratorsDocument,
    "\n  query AccessUsers($id: ID!, $userType: UserType, $status: UserStatus, $first: Int, $after: String) {\n    store(id: $id) {\n      users(userType: $userType, status: $status, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            userType\n            status\n            user {\n              email\n            }\n          }\n        }\n        nodes {\n          id\n          userType\n          status\n          user {\n            email\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.AccessUsersDocument,
    "\n  query AccessStaffCount($id: ID!) {\n    store(id: $id) {\n      staffCount\n      staffLimit\n    }\n  }\n": typeof types.AccessStaffCountDocument,
    "\n  query AccessStoreId($id: ID!) {\n    store(id: $id) {\n      id\n    }\n  }\n": typeof types.AccessStoreIdDocument,
    "\n      query AccessStoreName($id: ID!) {\n        store(id: $id) {\n          id\n          name\n        }\n      }\n    ": typeof types.AccessStoreNameDocument,
    "\n    mutation AccessOwnershipTransfer($storeId: ID!, $userId: ID!) {\n      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {\n        store {\n          id\n          owner {\n            email\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AccessOwnershipTransferDocument,
    "\n    query AccessStoreOwner($id: ID!) {\n      store(id: $id) {\n        owner {\n          email\n        }\n      }\n    }\n  ": typeof types.AccessStoreOwnerDocument,
    "\n  mutation AccountSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        email\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AccountSignInDocument,
    "\n  query AccountViewer {\n    viewer {\n      id\n      email\n      name\n      preferredLanguage\n      twoFactorEnabled\n    }\n  }\n": typeof types.AccountViewerDocument,
    "\n  mutation AccountTwoFactorEnroll {\n    twoFactorEnroll {\n      otpauthUri\n      secret\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AccountTwoFactorEnrollDocument,
    "\n  mutation AccountTwoFactorConfirm($otp: String!) {\n    twoFactorConfirm(otp: $otp) {\n      recoveryCodes\n      user {\n        email\n        twoFactorEnabled\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AccountTwoFactorConfirmDocument,
    "\n  mutation AccountTwoFactorDisable($password: String!) {\n    twoFactorDisable(password: $password) {\n      user {\n        email\n        twoFactorEnabled\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AccountTwoFactorDisableDocument,
    "\n  mutation AccountPasswordChange($current: String!, $next: String!) {\n    passwordChange(currentPassword: $current, newPassword: $next) {\n      user {\n        email\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AccountPasswordChangeDocument,
    "\n  mutation AccountPasswordResetRequest($email: String!) {\n    passwordResetRequest(email: $email) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AccountPasswordResetRequestDocument,
    "\n  mutation AccountPasswordReset($token: String!, $password: String!) {\n    passwordReset(token: $token, newPassword: $password) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AccountPasswordResetDocument,
    "\n  mutation AccountViewerUpdate($input: ViewerUpdateInput!) {\n    viewerUpdate(input: $input) {\n      user {\n        name\n        preferredLanguage\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AccountViewerUpdateDocument,
    "\n  query AccountStoreOwner($id: ID!) {\n    store(id: $id) {\n      owner {\n        email\n        preferredLanguage\n        twoFactorEnabled\n      }\n    }\n  }\n": typeof types.AccountStoreOwnerDocument,
    "\n  query ApiStoreId($id: ID!) {\n    store(id: $id) {\n      id\n    }\n  }\n": typeof types.ApiStoreIdDocument,
    "\n        mutation ApiSignOut {\n          signOut {\n            userErrors {\n              code\n              message\n            }\n          }\n        }\n      ": typeof types.ApiSignOutDocument,
    "\n    query ApiNode($id: ID!) {\n      node(id: $id) {\n        __typename\n        id\n        ... on Store {\n          name\n          domain\n        }\n        ... on Role {\n          name\n          system\n        }\n      }\n    }\n  ": typeof types.ApiNodeDocument,
    "\n    query ApiNodes($ids: [ID!]!) {\n      nodes(ids: $ids) {\n        __typename\n        id\n        ... on Store {\n          name\n        }\n        ... on Role {\n          name\n        }\n      }\n    }\n  ": typeof types.ApiNodesDocument,
    "\n            query ApiStoreIds($id: ID!) {\n              store(id: $id) {\n                id\n                owner {\n                  id\n                }\n                roles {\n                  id\n                }\n                organization {\n                  id\n                }\n              }\n            }\n          ": typeof types.ApiStoreIdsDocument,
    "\n      query ApiStoreName($id: ID!) {\n        store(id: $id) {\n          id\n          name\n        }\n      }\n    ": typeof types.ApiStoreNameDocument,
    "\n        query ApiAcmeEuByDomain {\n          storeByDomain(domain: \"acme-eu.example.com\") {\n            id\n          }\n        }\n      ": typeof types.ApiAcmeEuByDomainDocument,
    "\n        query ApiMissingByDomain {\n          storeByDomain(domain: \"nowhere.example.com\") {\n            id\n          }\n        }\n      ": typeof types.ApiMissingByDomainDocument,
    "\n        query ApiPermissions {\n          permissions {\n            handle\n            name\n            group\n            sensitive\n          }\n        }\n      ": typeof types.ApiPermissionsDocument,
    "\n        query ApiStoreRoles($id: ID!) {\n          store(id: $id) {\n            roles {\n              id\n              name\n              scope\n              system\n              autoGenerated\n              permissions {\n                handle\n              }\n            }\n          }\n        }\n      ": typeof types.ApiStoreRolesDocument,
    "\n            query ApiNordicRoles($id: ID!) {\n              store(id: $id) {\n                roles {\n                  name\n                  system\n                  autoGenerated\n                }\n              }\n            }\n          ": typeof types.ApiNordicRolesDocument,
    "\n    query ApiAuditLog($storeId: ID!) {\n      auditLog(storeId: $storeId, first: 250) {\n        nodes {\n          id\n          action\n          actorName\n          targetName\n          createdAt\n          details\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  ": typeof types.ApiAuditLogDocument,
    "\n            mutation ApiRequestCodeOff($storeId: ID!) {\n              storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: false) {\n                store {\n                  requireCollaboratorRequestCode\n                }\n                userErrors {\n                  code\n                  message\n                }\n              }\n            }\n          ": typeof types.ApiRequestCodeOffDocument,
    "\n  fragment AuditsVia on AccessVia {\n    kind\n    role {\n      name\n    }\n    partnerSetting\n    reason\n  }\n": typeof types.AuditsViaFragmentDoc,
    "\n  query AuditsAccessAudit($storeId: ID!, $permission: String, $userType: UserType, $sensitiveOnly: Boolean) {\n    accessAudit(storeId: $storeId, permission: $permission, userType: $userType, sensitiveOnly: $sensitiveOnly) {\n      user {\n        name\n        email\n      }\n      userType\n      permission\n      sensitive\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n": typeof types.AuditsAccessAuditDocument,
    "\n  query AuditsExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n": typeof types.AuditsExplainAccessDocument,
    "\n  query AuditsUserAccess($userId: ID!) {\n    userAccess(userId: $userId) {\n      store {\n        name\n      }\n      userType\n      permissions {\n        handle\n        sensitive\n      }\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n": typeof types.AuditsUserAccessDocument,
    "\n  fragment AuditsFinding on AccessReviewFinding {\n    at\n    user {\n      name\n    }\n    store {\n      name\n    }\n    storeUser {\n      id\n      userType\n      status\n    }\n    collaborator {\n      id\n      status\n      lastLoginAt\n    }\n    permissions {\n      handle\n    }\n  }\n": typeof types.AuditsFindingFragmentDoc,
    "\n  query AuditsAccessReview($storeId: ID, $organizationId: ID, $expiringWithinDays: Int, $unusedForDays: Int) {\n    accessReview(\n      storeId: $storeId\n      organizationId: $organizationId\n      expiringWithinDays: $expiringWithinDays\n      unusedForDays: $unusedForDays\n    ) {\n      stores {\n        name\n      }\n      sensitiveCollaborators {\n        ...AuditsFinding\n      }\n      expiringCollaborators {\n        ...AuditsFinding\n      }\n      pendingRequests {\n        id\n        status\n        user {\n          name\n        }\n        store {\n          name\n        }\n      }\n      unusedAccounts {\n        ...AuditsFinding\n      }\n      grantedBeyondRequest {\n        ...AuditsFinding\n      }\n    }\n  }\n": typeof types.AuditsAccessReviewDocument,
    "\n  query AuditsAcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAcceptPreview(id: $id, input: $input) {\n      collaborator {\n        id\n        status\n      }\n      roles {\n        role {\n          id\n          name\n        }\n        name\n        permissions {\n          handle\n        }\n      }\n      permissions {\n        handle\n        sensitive\n      }\n      sensitivePermissions {\n        handle\n      }\n      beyondRequested {\n        handle\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AuditsAcceptPreviewDocument,
    "\n  fragment AuditsEvent on AuditEvent {\n    id\n    action\n    actorName\n    targetName\n    targetType\n    createdAt\n    details\n    hash\n  }\n": typeof types.AuditsEventFragmentDoc,
    "\n  query AuditsStoreLog($storeId: ID!, $filter: AuditLogFilter) {\n    auditLog(storeId: $storeId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditsStoreLogDocument,
    "\n  query AuditsOrganizationLog($organizationId: ID!, $filter: AuditLogFilter) {\n    organizationAuditLog(organizationId: $organizationId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n": typeof types.AuditsOrganizationLogDocument,
    "\n  query AuditsPartnerLog($partnerOrganizationId: ID!, $filter: AuditLogFilter) {\n    partnerOrganizationAuditLog(partnerOrganizationId: $partnerOrganizationId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n": typeof types.AuditsPartnerLogDocument,
    "\n  query AuditsViewerLog($filter: AuditLogFilter) {\n    viewerAuditLog(first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n": typeof types.AuditsViewerLogDocument,
    "\n  query AuditsVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      brokenEventId\n      problem\n    }\n  }\n": typeof types.AuditsVerifyDocument,
    "\n    mutation AuditsCodeRegenerate($storeId: ID!) {\n      storeCollaboratorCodeRegenerate(storeId: $storeId) {\n        code\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsCodeRegenerateDocument,
    "\n    mutation AuditsSettings($storeId: ID!, $require: Boolean!) {\n      storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: $require) {\n        store {\n          requireCollaboratorRequestCode\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsSettingsDocument,
    "\n    mutation AuditsOwnershipTransfer($storeId: ID!, $userId: ID!) {\n      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {\n        store {\n          owner {\n            name\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsOwnershipTransferDocument,
    "\n    mutation AuditsMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {\n      partnerMemberUpdate(id: $id, input: $input) {\n        partnerMember {\n          id\n          storeAccess {\n            storeType\n            access\n            storeIds\n            actions\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsMemberUpdateDocument,
    "\n    mutation AuditsMemberRemove($id: ID!) {\n      partnerMemberRemove(id: $id) {\n        removedPartnerMemberId\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsMemberRemoveDocument,
    "\n    mutation AuditsMemberInvite($input: PartnerMemberInviteInput!) {\n      partnerMemberInvite(input: $input) {\n        partnerMember {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsMemberInviteDocument,
    "\n    mutation AuditsOrganizationRoleAssign($organizationId: ID!, $roleId: ID!) {\n      organizationCollaboratorsRoleAssign(organizationId: $organizationId, roleId: $roleId) {\n        assignedCount\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsOrganizationRoleAssignDocument,
    "\n    mutation AuditsViewerUpdate($input: ViewerUpdateInput!) {\n      viewerUpdate(input: $input) {\n        user {\n          name\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsViewerUpdateDocument,
    "\n    mutation AuditsPartnerStoreCreate($input: PartnerStoreCreateInput!) {\n      partnerStoreCreate(input: $input) {\n        store {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": typeof types.AuditsPartnerStoreCreateDocument,
    "\n  query AuditsRequestCode($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n    }\n  }\n": typeof types.AuditsRequestCodeDocument,
    "\n  query AuditsPartnerMembers($id: ID!) {\n    partnerOrganization(id: $id) {\n      members {\n        id\n        user {\n          email\n        }\n        invitedEmail\n      }\n    }\n  }\n": typeof types.AuditsPartnerMembersDocument,
    "\n    query AuditsNordicRequests($id: ID!) {\n      store(id: $id) {\n        collaborators(first: 50, status: REQUESTED) {\n          nodes {\n            id\n            status\n            roles {\n              name\n            }\n            autoGeneratedRole {\n              name\n              permissions {\n                handle\n              }\n            }\n          }\n        }\n        roles {\n          name\n        }\n      }\n    }\n  ": typeof types.AuditsNordicRequestsDocument,
    "\n    query AuditsStoreRoles($id: ID!) {\n      store(id: $id) {\n        roles {\n          id\n          name\n          system\n        }\n      }\n    }\n  ": typeof types.AuditsStoreRolesDocument,
    "\n  fragment DecisionsRole on Role {\n    id\n    name\n    scope\n    system\n    autoGenerated\n    permissions {\n      handle\n    }\n  }\n": typeof types.DecisionsRoleFragmentDoc,
    "\n  fragment DecisionsCollaborator on Collaborator {\n    id\n    status\n    user {\n      name\n      email\n    }\n    roles {\n      id\n      name\n    }\n    permissions {\n      handle\n    }\n    autoGeneratedRole {\n      id\n      name\n      permissions {\n        handle\n      }\n    }\n  }\n": typeof types.DecisionsCollaboratorFragmentDoc,
    "\n  mutation DecisionsAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DecisionsAcceptDocument,
    "\n  mutation DecisionsReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DecisionsRejectDocument,
    "\n  mutation DecisionsRolesSet($id: ID!, $ids: [ID!]!) {\n    collaboratorRolesSet(id: $id, roleIds: $ids) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DecisionsRolesSetDocument,
    "\n  mutation DecisionsRoleCreate($input: RoleCreateInput!) {\n    roleCreate(input: $input) {\n      role {\n        ...DecisionsRole\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DecisionsRoleCreateDocument,
    "\n  mutation DecisionsRoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        ...DecisionsRole\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DecisionsRoleUpdateDocument,
    "\n  mutation DecisionsRoleRename($id: ID!) {\n    roleUpdate(id: $id, input: { name: \"Fulfilment 2\" }) {\n      role {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DecisionsRoleRenameDocument,
    "\n  query DecisionsNodeCollaborator($id: ID!) {\n    node(id: $id) {\n      __typename\n      ...DecisionsCollaborator\n    }\n  }\n": typeof types.DecisionsNodeCollaboratorDocument,
    "\n  query DecisionsNodeId($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n": typeof types.DecisionsNodeIdDocument,
    "\n  query DecisionsStoreRoles($id: ID!) {\n    store(id: $id) {\n      roles {\n        ...DecisionsRole\n      }\n    }\n  }\n": typeof types.DecisionsStoreRolesDocument,
    "\n  query DecisionsOrganizationRoles($id: ID!) {\n    organization(id: $id) {\n      roles {\n        ...DecisionsRole\n      }\n    }\n  }\n": typeof types.DecisionsOrganizationRolesDocument,
    "\n  query DecisionsCollaborators($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $status) {\n        nodes {\n          ...DecisionsCollaborator\n        }\n      }\n    }\n  }\n": typeof types.DecisionsCollaboratorsDocument,
    "\n  query DecisionsStoreRequests($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n      collaborators(first: 250, status: REQUESTED) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": typeof types.DecisionsStoreRequestsDocument,
    "\n  query DecisionsStoreCollaboratorIds($id: ID!) {\n    store(id: $id) {\n      id\n      collaborators(first: 10) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": typeof types.DecisionsStoreCollaboratorIdsDocument,
    "\n  query DecisionsStoreCode($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n    }\n  }\n": typeof types.DecisionsStoreCodeDocument,
    "\n  query DecisionsStoreOrganization($id: ID!) {\n    store(id: $id) {\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.DecisionsStoreOrganizationDocument,
    "\n  query DecisionsActiveCollaboratorUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250, userType: COLLABORATOR, status: ACTIVE) {\n        nodes {\n          id\n          user {\n            email\n          }\n          collaborator {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.DecisionsActiveCollaboratorUsersDocument,
    "\n  query DecisionsRemovedCollaboratorUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250, userType: COLLABORATOR, status: REMOVED) {\n        nodes {\n          user {\n            email\n          }\n          collaborator {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.DecisionsRemovedCollaboratorUsersDocument,
    "\n  query DecisionsAuditLog($id: ID!) {\n    auditLog(storeId: $id, first: 250) {\n      nodes {\n        action\n        actorName\n        targetName\n      }\n    }\n  }\n": typeof types.DecisionsAuditLogDocument,
    "\n  mutation DecisionsOrganizationRoleAssignCount($o: ID!, $r: ID!) {\n    organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {\n      assignedCount\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DecisionsOrganizationRoleAssignCountDocument,
    "\n  mutation DecisionsOrganizationRoleAssign($o: ID!, $r: ID!) {\n    organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {\n      assignedCount\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DecisionsOrganizationRoleAssignDocument,
    "\n  query EmailNotifications($id: ID!) {\n    notifications(storeId: $id, first: 50) {\n      nodes {\n        id\n        channel\n        kind\n        recipient\n        subject\n        deliveredAt\n      }\n    }\n  }\n": typeof types.EmailNotificationsDocument,
    "\n  query EmailCollaboratorAccounts {\n    viewer {\n      collaboratorAccounts {\n        id\n        status\n        store {\n          domain\n        }\n      }\n    }\n  }\n": typeof types.EmailCollaboratorAccountsDocument,
    "\n        query FaultsViewerName {\n          viewer {\n            name\n          }\n        }\n      ": typeof types.FaultsViewerNameDocument,
    "\n  query MultiInstanceVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      problem\n    }\n  }\n": typeof types.MultiInstanceVerifyDocument,
    "\n  query MultiInstanceViewerEmail {\n    viewer {\n      email\n    }\n  }\n": typeof types.MultiInstanceViewerEmailDocument,
    "\n  query ObservabilityHidden {\n    store(id: \"gid://latchkey/Store/999999\") {\n      id\n    }\n    explainAccess(permission: \"x\", storeId: \"gid://latchkey/Store/999999\", userId: \"gid://latchkey/User/999999\") {\n      __typename\n    }\n  }\n": typeof types.ObservabilityHiddenDocument,
    "\n  fragment PartnerStoresStore on Store {\n    id\n    name\n    domain\n    storeType\n    archivedAt\n    owner {\n      name\n      email\n    }\n    ownerPartnerOrganization {\n      name\n    }\n    organization {\n      id\n    }\n  }\n": typeof types.PartnerStoresStoreFragmentDoc,
    "\n  mutation PartnerStoresCreate($input: PartnerStoreCreateInput!) {\n    partnerStoreCreate(input: $input) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.PartnerStoresCreateDocument,
    "\n  mutation PartnerStoresArchive($id: ID!) {\n    partnerStoreArchive(id: $id) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.PartnerStoresArchiveDocument,
    "\n  mutation PartnerStoresUnarchive($id: ID!) {\n    partnerStoreUnarchive(id: $id) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.PartnerStoresUnarchiveDocument,
    "\n  mutation PartnerStoresTransfer($id: ID!, $email: String!) {\n    partnerStoreTransfer(id: $id, merchantEmail: $email) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.PartnerStoresTransferDocument,
    "\n  query PartnerStoresRead($id: ID!) {\n    store(id: $id) {\n      ...PartnerStoresStore\n      collaboratorRequestCode\n    }\n  }\n": typeof types.PartnerStoresReadDocument,
    "\n  query PartnerStoresList($org: ID!, $type: StoreType) {\n    partnerOrganization(id: $org) {\n      stores(storeType: $type, first: 250) {\n        nodes {\n          id\n          domain\n          storeType\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.PartnerStoresListDocument,
    "\n  query PartnerStoresMemberships {\n    viewer {\n      partnerMemberships {\n        partnerOrganization {\n          name\n        }\n        storeAccess {\n          storeType\n          access\n          storeIds\n        }\n      }\n    }\n  }\n": typeof types.PartnerStoresMembershipsDocument,
    "\n  query PartnerStoresUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250) {\n        nodes {\n          userType\n          status\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.PartnerStoresUsersDocument,
    "\n  mutation PartnerStoresRequest($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        status\n        partnerOrganization {\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.PartnerStoresRequestDocument,
    "\n        query PartnerStoresFirstPage($org: ID!) {\n          partnerOrganization(id: $org) {\n            stores(storeType: DEVELOPMENT, first: 1) {\n              nodes {\n                id\n              }\n              pageInfo {\n                hasNextPage\n              }\n            }\n          }\n        }\n      ": typeof types.PartnerStoresFirstPageDocument,
    "\n  fragment ReportsFields on PartnerReport {\n    id\n    reason\n    status\n    createdAt\n    closedAt\n    resolution\n    partnerOrganization {\n      name\n    }\n    store {\n      id\n      name\n    }\n    reporter {\n      name\n      email\n    }\n    closedBy {\n      email\n    }\n  }\n": typeof types.ReportsFieldsFragmentDoc,
    "\n  mutation ReportsReport($input: PartnerOrganizationReportInput!) {\n    partnerOrganizationReport(input: $input) {\n      report {\n        ...ReportsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ReportsReportDocument,
    "\n  query ReportsList($status: PartnerReportStatus, $first: Int, $after: String) {\n    partnerReports(status: $status, first: $first, after: $after) {\n      nodes {\n        ...ReportsFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReportsListDocument,
    "\n  mutation ReportsClose($id: ID!, $resolution: String!) {\n    partnerReportClose(id: $id, resolution: $resolution) {\n      report {\n        ...ReportsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ReportsCloseDocument,
    "\n  query ReportsAuditLog($id: ID!) {\n    auditLog(storeId: $id, first: 250) {\n      nodes {\n        action\n        actorName\n        targetName\n        details\n      }\n    }\n  }\n": typeof types.ReportsAuditLogDocument,
    "\n  query ReportsPending($id: ID!) {\n    store(id: $id) {\n      collaborators(first: 50, status: REQUESTED) {\n        nodes {\n          id\n          status\n          message\n          user {\n            name\n            email\n          }\n          partnerOrganization {\n            name\n          }\n          requestedPermissions {\n            handle\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReportsPendingDocument,
    "\n  fragment RequestsCollaborator on Collaborator {\n    id\n    status\n    message\n    user {\n      email\n      name\n    }\n    partnerOrganization {\n      name\n    }\n    requestedPermissions {\n      handle\n    }\n    permissions {\n      handle\n    }\n    roles {\n      id\n      name\n    }\n    autoGeneratedRole {\n      id\n      name\n      autoGenerated\n      permissions {\n        handle\n      }\n    }\n  }\n": typeof types.RequestsCollaboratorFragmentDoc,
    "\n  mutation RequestsCreate($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RequestsCreateDocument,
    "\n  mutation RequestsAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RequestsAcceptDocument,
    "\n  mutation RequestsReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RequestsRejectDocument,
    "\n  mutation RequestsWithdraw($id: ID!) {\n    collaboratorRequestWithdraw(id: $id) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RequestsWithdrawDocument,
    "\n  query RequestsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ...RequestsCollaborator\n    }\n  }\n": typeof types.RequestsNodeDocument,
    "\n  query RequestsStoreCode($id: ID!) {\n    store(id: $id) {\n      id\n      collaboratorRequestCode\n      requireCollaboratorRequestCode\n    }\n  }\n": typeof types.RequestsStoreCodeDocument,
    "\n  mutation RequestsCodeRegenerate($id: ID!) {\n    storeCollaboratorCodeRegenerate(storeId: $id) {\n      code\n      store {\n        collaboratorRequestCode\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RequestsCodeRegenerateDocument,
    "\n  mutation RequestsSettings($id: ID!, $on: Boolean!) {\n    storeCollaboratorSettingsUpdate(storeId: $id, requireRequestCode: $on) {\n      store {\n        requireCollaboratorRequestCode\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RequestsSettingsDocument,
    "\n  mutation RequestsRoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        id\n        name\n        autoGenerated\n        permissions {\n          handle\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RequestsRoleUpdateDocument,
    "\n  query RequestsLists($id: ID!, $collaboratorStatus: CollaboratorStatus, $userStatus: UserStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $collaboratorStatus) {\n        nodes {\n          id\n          status\n          user {\n            email\n          }\n        }\n      }\n      users(first: 250, status: $userStatus) {\n        nodes {\n          id\n          status\n          userType\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.RequestsListsDocument,
    "\n  query RequestsNotifications($id: ID!) {\n    notifications(storeId: $id, first: 250) {\n      nodes {\n        id\n        channel\n        kind\n        recipient\n        subject\n      }\n    }\n  }\n": typeof types.RequestsNotificationsDocument,
    "\n  query RequestsMemberships {\n    viewer {\n      partnerMemberships {\n        partnerOrganization {\n          name\n        }\n        type\n        storeAccess {\n          storeType\n          access\n          storeIds\n        }\n      }\n    }\n  }\n": typeof types.RequestsMembershipsDocument,
    "\n  query RequestsStoreRoleIds($id: ID!) {\n    store(id: $id) {\n      roles {\n        id\n      }\n    }\n  }\n": typeof types.RequestsStoreRoleIdsDocument,
    "\n  query RequestsCollaboratorAccounts {\n    viewer {\n      collaboratorAccounts {\n        id\n        status\n        store {\n          domain\n        }\n      }\n    }\n  }\n": typeof types.RequestsCollaboratorAccountsDocument,
    "\n  query RequestsAuditLog($id: ID!) {\n    auditLog(storeId: $id, last: 5) {\n      nodes {\n        action\n        actorName\n        targetName\n        details\n      }\n    }\n  }\n": typeof types.RequestsAuditLogDocument,
    "\n  query SqlCountCollaborators($id: ID!, $n: Int!) {\n    store(id: $id) {\n      collaborators(first: $n) {\n        nodes {\n          user {\n            name\n            email\n          }\n          roles {\n            name\n            permissions {\n              handle\n            }\n          }\n          partnerOrganization {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.SqlCountCollaboratorsDocument,
    "\n      mutation StartupDemoSignIn {\n        signIn(input: { email: \"olivia.hart@example.com\", password: \"latchkey-demo\" }) {\n          token\n          viewer {\n            name\n          }\n          userErrors {\n            code\n          }\n        }\n      }\n    ": typeof types.StartupDemoSignInDocument,
    "\n  subscription SubscriptionsRequestReceived($storeId: ID!) {\n    collaboratorRequestReceived(storeId: $storeId) {\n      id\n      status\n      message\n      user {\n        name\n      }\n      store {\n        name\n      }\n      partnerOrganization {\n        name\n      }\n    }\n  }\n": typeof types.SubscriptionsRequestReceivedDocument,
    "\n  query SubscriptionsViewerName {\n    viewer {\n      name\n    }\n  }\n": typeof types.SubscriptionsViewerNameDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        name\n        email\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CollaboratorRequestCreate($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CollaboratorRequestCreateDocument,
    "\n  mutation CollaboratorRequestCreateWithRole($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n        autoGeneratedRole {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CollaboratorRequestCreateWithRoleDocument,
    "\n  mutation CollaboratorRequestAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CollaboratorRequestAcceptDocument,
    "\n  mutation CollaboratorRequestReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CollaboratorRequestRejectDocument,
    "\n  mutation CollaboratorRequestWithdraw($id: ID!) {\n    collaboratorRequestWithdraw(id: $id) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CollaboratorRequestWithdrawDocument,
    "\n  mutation CollaboratorRemove($id: ID!, $password: String!) {\n    collaboratorRemove(id: $id, password: $password) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CollaboratorRemoveDocument,
    "\n  mutation CollaboratorRolesSet($id: ID!, $roleIds: [ID!]!) {\n    collaboratorRolesSet(id: $id, roleIds: $roleIds) {\n      collaborator {\n        id\n        status\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CollaboratorRolesSetDocument,
    "\n  mutation CollaboratorRequestBlockLift($storeId: ID!, $partnerOrganizationId: ID!) {\n    collaboratorRequestBlockLift(storeId: $storeId, partnerOrganizationId: $partnerOrganizationId) {\n      store {\n        id\n      }\n      partnerOrganization {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CollaboratorRequestBlockLiftDocument,
    "\n  mutation RoleCreate($input: RoleCreateInput!) {\n    roleCreate(input: $input) {\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RoleCreateDocument,
    "\n  mutation RoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RoleUpdateDocument,
    "\n  mutation RoleDelete($id: ID!) {\n    roleDelete(id: $id) {\n      deletedRoleId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RoleDeleteDocument,
    "\n  query StoreName($id: ID!) {\n    store(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.StoreNameDocument,
    "\n  query ExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n    }\n  }\n": typeof types.ExplainAccessDocument,
    "\n  query AuditLogVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      problem\n    }\n  }\n": typeof types.AuditLogVerifyDocument,
    "\n  query TwoSidedExplain($u: ID!, $s: ID!, $p: String!) {\n    explainAccess(userId: $u, storeId: $s, permission: $p) {\n      allowed\n      reasons\n      via {\n        kind\n        partnerSetting\n      }\n    }\n  }\n": typeof types.TwoSidedExplainDocument,
    "\n  mutation TwoSidedMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {\n    partnerMemberUpdate(id: $id, input: $input) {\n      partnerMember {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.TwoSidedMemberUpdateDocument,
    "\n  mutation TwoSidedStoreCreate($input: PartnerStoreCreateInput!) {\n    partnerStoreCreate(input: $input) {\n      store {\n        id\n        storeType\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.TwoSidedStoreCreateDocument,
    "\n  query TwoSidedCollaborators($id: ID!) {\n    store(id: $id) {\n      collaborators(first: 5) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TwoSidedCollaboratorsDocument,
    "\n  query TwoSidedCollaboratorEmails($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 10, status: $status) {\n        nodes {\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.TwoSidedCollaboratorEmailsDocument,
    "\n    mutation TwoSidedManagedStoreRemove($p: ID!, $s: ID!) {\n      partnerManagedStoreRemove(partnerOrganizationId: $p, storeId: $s) {\n        removedStoreId\n        endedCount\n        userErrors {\n          code\n          field\n          message\n        }\n      }\n    }\n  ": typeof types.TwoSidedManagedStoreRemoveDocument,
    "\n        query TwoSidedLastAudit($id: ID!) {\n          auditLog(storeId: $id, last: 1) {\n            nodes {\n              action\n              actorName\n            }\n          }\n        }\n      ": typeof types.TwoSidedLastAuditDocument,
    "\n        query TwoSidedStoreAccess {\n          viewer {\n            partnerMemberships {\n              storeAccess {\n                storeType\n                access\n                storeIds\n              }\n            }\n          }\n        }\n      ": typeof types.TwoSidedStoreAccessDocument,
};
const documents: Documents = {
    "\n  query AccessExplain($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n    }\n  }\n": types.AccessExplainDocument,
    "\n  query AccessCollaborators($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $status) {\n        nodes {\n          id\n          status\n          lastLoginAt\n          user {\n            email\n          }\n          roles {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AccessCollaboratorsDocument,
    "\n  query AccessUsers($id: ID!, $userType: UserType, $status: UserStatus, $first: Int, $after: String) {\n    store(id: $id) {\n      users(userType: $userType, status: $status, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            userType\n            status\n            user {\n              email\n            }\n          }\n        }\n        nodes {\n          id\n          userType\n          status\n          user {\n            email\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.AccessUsersDocument,
    "\n  query AccessStaffCount($id: ID!) {\n    store(id: $id) {\n      staffCount\n      staffLimit\n    }\n  }\n": types.AccessStaffCountDocument,
    "\n  query AccessStoreId($id: ID!) {\n    store(id: $id) {\n      id\n    }\n  }\n": types.AccessStoreIdDocument,
    "\n      query AccessStoreName($id: ID!) {\n        store(id: $id) {\n          id\n          name\n        }\n      }\n    ": types.AccessStoreNameDocument,
    "\n    mutation AccessOwnershipTransfer($storeId: ID!, $userId: ID!) {\n      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {\n        store {\n          id\n          owner {\n            email\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AccessOwnershipTransferDocument,
    "\n    query AccessStoreOwner($id: ID!) {\n      store(id: $id) {\n        owner {\n          email\n        }\n      }\n    }\n  ": types.AccessStoreOwnerDocument,
    "\n  mutation AccountSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        email\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AccountSignInDocument,
    "\n  query AccountViewer {\n    viewer {\n      id\n      email\n      name\n      preferredLanguage\n      twoFactorEnabled\n    }\n  }\n": types.AccountViewerDocument,
    "\n  mutation AccountTwoFactorEnroll {\n    twoFactorEnroll {\n      otpauthUri\n      secret\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AccountTwoFactorEnrollDocument,
    "\n  mutation AccountTwoFactorConfirm($otp: String!) {\n    twoFactorConfirm(otp: $otp) {\n      recoveryCodes\n      user {\n        email\n        twoFactorEnabled\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AccountTwoFactorConfirmDocument,
    "\n  mutation AccountTwoFactorDisable($password: String!) {\n    twoFactorDisable(password: $password) {\n      user {\n        email\n        twoFactorEnabled\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AccountTwoFactorDisableDocument,
    "\n  mutation AccountPasswordChange($current: String!, $next: String!) {\n    passwordChange(currentPassword: $current, newPassword: $next) {\n      user {\n        email\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AccountPasswordChangeDocument,
    "\n  mutation AccountPasswordResetRequest($email: String!) {\n    passwordResetRequest(email: $email) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AccountPasswordResetRequestDocument,
    "\n  mutation AccountPasswordReset($token: String!, $password: String!) {\n    passwordReset(token: $token, newPassword: $password) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AccountPasswordResetDocument,
    "\n  mutation AccountViewerUpdate($input: ViewerUpdateInput!) {\n    viewerUpdate(input: $input) {\n      user {\n        name\n        preferredLanguage\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AccountViewerUpdateDocument,
    "\n  query AccountStoreOwner($id: ID!) {\n    store(id: $id) {\n      owner {\n        email\n        preferredLanguage\n        twoFactorEnabled\n      }\n    }\n  }\n": types.AccountStoreOwnerDocument,
    "\n  query ApiStoreId($id: ID!) {\n    store(id: $id) {\n      id\n    }\n  }\n": types.ApiStoreIdDocument,
    "\n        mutation ApiSignOut {\n          signOut {\n            userErrors {\n              code\n              message\n            }\n          }\n        }\n      ": types.ApiSignOutDocument,
    "\n    query ApiNode($id: ID!) {\n      node(id: $id) {\n        __typename\n        id\n        ... on Store {\n          name\n          domain\n        }\n        ... on Role {\n          name\n          system\n        }\n      }\n    }\n  ": types.ApiNodeDocument,
    "\n    query ApiNodes($ids: [ID!]!) {\n      nodes(ids: $ids) {\n        __typename\n        id\n        ... on Store {\n          name\n        }\n        ... on Role {\n          name\n        }\n      }\n    }\n  ": types.ApiNodesDocument,
    "\n            query ApiStoreIds($id: ID!) {\n              store(id: $id) {\n                id\n                owner {\n                  id\n                }\n                roles {\n                  id\n                }\n                organization {\n                  id\n                }\n              }\n            }\n          ": types.ApiStoreIdsDocument,
    "\n      query ApiStoreName($id: ID!) {\n        store(id: $id) {\n          id\n          name\n        }\n      }\n    ": types.ApiStoreNameDocument,
    "\n        query ApiAcmeEuByDomain {\n          storeByDomain(domain: \"acme-eu.example.com\") {\n            id\n          }\n        }\n      ": types.ApiAcmeEuByDomainDocument,
    "\n        query ApiMissingByDomain {\n          storeByDomain(domain: \"nowhere.example.com\") {\n            id\n          }\n        }\n      ": types.ApiMissingByDomainDocument,
    "\n        query ApiPermissions {\n          permissions {\n            handle\n            name\n            group\n            sensitive\n          }\n        }\n      ": types.ApiPermissionsDocument,
    "\n        query ApiStoreRoles($id: ID!) {\n          store(id: $id) {\n            roles {\n              id\n              name\n              scope\n              system\n              autoGenerated\n              permissions {\n                handle\n              }\n            }\n          }\n        }\n      ": types.ApiStoreRolesDocument,
    "\n            query ApiNordicRoles($id: ID!) {\n              store(id: $id) {\n                roles {\n                  name\n                  system\n                  autoGenerated\n                }\n              }\n            }\n          ": types.ApiNordicRolesDocument,
    "\n    query ApiAuditLog($storeId: ID!) {\n      auditLog(storeId: $storeId, first: 250) {\n        nodes {\n          id\n          action\n          actorName\n          targetName\n          createdAt\n          details\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  ": types.ApiAuditLogDocument,
    "\n            mutation ApiRequestCodeOff($storeId: ID!) {\n              storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: false) {\n                store {\n                  requireCollaboratorRequestCode\n                }\n                userErrors {\n                  code\n                  message\n                }\n              }\n            }\n          ": types.ApiRequestCodeOffDocument,
    "\n  fragment AuditsVia on AccessVia {\n    kind\n    role {\n      name\n    }\n    partnerSetting\n    reason\n  }\n": types.AuditsViaFragmentDoc,
    "\n  query AuditsAccessAudit($storeId: ID!, $permission: String, $userType: UserType, $sensitiveOnly: Boolean) {\n    accessAudit(storeId: $storeId, permission: $permission, userType: $userType, sensitiveOnly: $sensitiveOnly) {\n      user {\n        name\n        email\n      }\n      userType\n      permission\n      sensitive\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n": types.AuditsAccessAuditDocument,
    "\n  query AuditsExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n": types.AuditsExplainAccessDocument,
    "\n  query AuditsUserAccess($userId: ID!) {\n    userAccess(userId: $userId) {\n      store {\n        name\n      }\n      userType\n      permissions {\n        handle\n        sensitive\n      }\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n": types.AuditsUserAccessDocument,
    "\n  fragment AuditsFinding on AccessReviewFinding {\n    at\n    user {\n      name\n    }\n    store {\n      name\n    }\n    storeUser {\n      id\n      userType\n      status\n    }\n    collaborator {\n      id\n      status\n      lastLoginAt\n    }\n    permissions {\n      handle\n    }\n  }\n": types.AuditsFindingFragmentDoc,
    "\n  query AuditsAccessReview($storeId: ID, $organizationId: ID, $expiringWithinDays: Int, $unusedForDays: Int) {\n    accessReview(\n      storeId: $storeId\n      organizationId: $organizationId\n      expiringWithinDays: $expiringWithinDays\n      unusedForDays: $unusedForDays\n    ) {\n      stores {\n        name\n      }\n      sensitiveCollaborators {\n        ...AuditsFinding\n      }\n      expiringCollaborators {\n        ...AuditsFinding\n      }\n      pendingRequests {\n        id\n        status\n        user {\n          name\n        }\n        store {\n          name\n        }\n      }\n      unusedAccounts {\n        ...AuditsFinding\n      }\n      grantedBeyondRequest {\n        ...AuditsFinding\n      }\n    }\n  }\n": types.AuditsAccessReviewDocument,
    "\n  query AuditsAcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAcceptPreview(id: $id, input: $input) {\n      collaborator {\n        id\n        status\n      }\n      roles {\n        role {\n          id\n          name\n        }\n        name\n        permissions {\n          handle\n        }\n      }\n      permissions {\n        handle\n        sensitive\n      }\n      sensitivePermissions {\n        handle\n      }\n      beyondRequested {\n        handle\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AuditsAcceptPreviewDocument,
    "\n  fragment AuditsEvent on AuditEvent {\n    id\n    action\n    actorName\n    targetName\n    targetType\n    createdAt\n    details\n    hash\n  }\n": types.AuditsEventFragmentDoc,
    "\n  query AuditsStoreLog($storeId: ID!, $filter: AuditLogFilter) {\n    auditLog(storeId: $storeId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.AuditsStoreLogDocument,
    "\n  query AuditsOrganizationLog($organizationId: ID!, $filter: AuditLogFilter) {\n    organizationAuditLog(organizationId: $organizationId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n": types.AuditsOrganizationLogDocument,
    "\n  query AuditsPartnerLog($partnerOrganizationId: ID!, $filter: AuditLogFilter) {\n    partnerOrganizationAuditLog(partnerOrganizationId: $partnerOrganizationId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n": types.AuditsPartnerLogDocument,
    "\n  query AuditsViewerLog($filter: AuditLogFilter) {\n    viewerAuditLog(first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n": types.AuditsViewerLogDocument,
    "\n  query AuditsVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      brokenEventId\n      problem\n    }\n  }\n": types.AuditsVerifyDocument,
    "\n    mutation AuditsCodeRegenerate($storeId: ID!) {\n      storeCollaboratorCodeRegenerate(storeId: $storeId) {\n        code\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsCodeRegenerateDocument,
    "\n    mutation AuditsSettings($storeId: ID!, $require: Boolean!) {\n      storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: $require) {\n        store {\n          requireCollaboratorRequestCode\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsSettingsDocument,
    "\n    mutation AuditsOwnershipTransfer($storeId: ID!, $userId: ID!) {\n      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {\n        store {\n          owner {\n            name\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsOwnershipTransferDocument,
    "\n    mutation AuditsMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {\n      partnerMemberUpdate(id: $id, input: $input) {\n        partnerMember {\n          id\n          storeAccess {\n            storeType\n            access\n            storeIds\n            actions\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsMemberUpdateDocument,
    "\n    mutation AuditsMemberRemove($id: ID!) {\n      partnerMemberRemove(id: $id) {\n        removedPartnerMemberId\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsMemberRemoveDocument,
    "\n    mutation AuditsMemberInvite($input: PartnerMemberInviteInput!) {\n      partnerMemberInvite(input: $input) {\n        partnerMember {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsMemberInviteDocument,
    "\n    mutation AuditsOrganizationRoleAssign($organizationId: ID!, $roleId: ID!) {\n      organizationCollaboratorsRoleAssign(organizationId: $organizationId, roleId: $roleId) {\n        assignedCount\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsOrganizationRoleAssignDocument,
    "\n    mutation AuditsViewerUpdate($input: ViewerUpdateInput!) {\n      viewerUpdate(input: $input) {\n        user {\n          name\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsViewerUpdateDocument,
    "\n    mutation AuditsPartnerStoreCreate($input: PartnerStoreCreateInput!) {\n      partnerStoreCreate(input: $input) {\n        store {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": types.AuditsPartnerStoreCreateDocument,
    "\n  query AuditsRequestCode($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n    }\n  }\n": types.AuditsRequestCodeDocument,
    "\n  query AuditsPartnerMembers($id: ID!) {\n    partnerOrganization(id: $id) {\n      members {\n        id\n        user {\n          email\n        }\n        invitedEmail\n      }\n    }\n  }\n": types.AuditsPartnerMembersDocument,
    "\n    query AuditsNordicRequests($id: ID!) {\n      store(id: $id) {\n        collaborators(first: 50, status: REQUESTED) {\n          nodes {\n            id\n            status\n            roles {\n              name\n            }\n            autoGeneratedRole {\n              name\n              permissions {\n                handle\n              }\n            }\n          }\n        }\n        roles {\n          name\n        }\n      }\n    }\n  ": types.AuditsNordicRequestsDocument,
    "\n    query AuditsStoreRoles($id: ID!) {\n      store(id: $id) {\n        roles {\n          id\n          name\n          system\n        }\n      }\n    }\n  ": types.AuditsStoreRolesDocument,
    "\n  fragment DecisionsRole on Role {\n    id\n    name\n    scope\n    system\n    autoGenerated\n    permissions {\n      handle\n    }\n  }\n": types.DecisionsRoleFragmentDoc,
    "\n  fragment DecisionsCollaborator on Collaborator {\n    id\n    status\n    user {\n      name\n      email\n    }\n    roles {\n      id\n      name\n    }\n    permissions {\n      handle\n    }\n    autoGeneratedRole {\n      id\n      name\n      permissions {\n        handle\n      }\n    }\n  }\n": types.DecisionsCollaboratorFragmentDoc,
    "\n  mutation DecisionsAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DecisionsAcceptDocument,
    "\n  mutation DecisionsReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DecisionsRejectDocument,
    "\n  mutation DecisionsRolesSet($id: ID!, $ids: [ID!]!) {\n    collaboratorRolesSet(id: $id, roleIds: $ids) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DecisionsRolesSetDocument,
    "\n  mutation DecisionsRoleCreate($input: RoleCreateInput!) {\n    roleCreate(input: $input) {\n      role {\n        ...DecisionsRole\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DecisionsRoleCreateDocument,
    "\n  mutation DecisionsRoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        ...DecisionsRole\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DecisionsRoleUpdateDocument,
    "\n  mutation DecisionsRoleRename($id: ID!) {\n    roleUpdate(id: $id, input: { name: \"Fulfilment 2\" }) {\n      role {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DecisionsRoleRenameDocument,
    "\n  query DecisionsNodeCollaborator($id: ID!) {\n    node(id: $id) {\n      __typename\n      ...DecisionsCollaborator\n    }\n  }\n": types.DecisionsNodeCollaboratorDocument,
    "\n  query DecisionsNodeId($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n": types.DecisionsNodeIdDocument,
    "\n  query DecisionsStoreRoles($id: ID!) {\n    store(id: $id) {\n      roles {\n        ...DecisionsRole\n      }\n    }\n  }\n": types.DecisionsStoreRolesDocument,
    "\n  query DecisionsOrganizationRoles($id: ID!) {\n    organization(id: $id) {\n      roles {\n        ...DecisionsRole\n      }\n    }\n  }\n": types.DecisionsOrganizationRolesDocument,
    "\n  query DecisionsCollaborators($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $status) {\n        nodes {\n          ...DecisionsCollaborator\n        }\n      }\n    }\n  }\n": types.DecisionsCollaboratorsDocument,
    "\n  query DecisionsStoreRequests($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n      collaborators(first: 250, status: REQUESTED) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": types.DecisionsStoreRequestsDocument,
    "\n  query DecisionsStoreCollaboratorIds($id: ID!) {\n    store(id: $id) {\n      id\n      collaborators(first: 10) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": types.DecisionsStoreCollaboratorIdsDocument,
    "\n  query DecisionsStoreCode($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n    }\n  }\n": types.DecisionsStoreCodeDocument,
    "\n  query DecisionsStoreOrganization($id: ID!) {\n    store(id: $id) {\n      organization {\n        id\n      }\n    }\n  }\n": types.DecisionsStoreOrganizationDocument,
    "\n  query DecisionsActiveCollaboratorUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250, userType: COLLABORATOR, status: ACTIVE) {\n        nodes {\n          id\n          user {\n            email\n          }\n          collaborator {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.DecisionsActiveCollaboratorUsersDocument,
    "\n  query DecisionsRemovedCollaboratorUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250, userType: COLLABORATOR, status: REMOVED) {\n        nodes {\n          user {\n            email\n          }\n          collaborator {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n": types.DecisionsRemovedCollaboratorUsersDocument,
    "\n  query DecisionsAuditLog($id: ID!) {\n    auditLog(storeId: $id, first: 250) {\n      nodes {\n        action\n        actorName\n        targetName\n      }\n    }\n  }\n": types.DecisionsAuditLogDocument,
    "\n  mutation DecisionsOrganizationRoleAssignCount($o: ID!, $r: ID!) {\n    organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {\n      assignedCount\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DecisionsOrganizationRoleAssignCountDocument,
    "\n  mutation DecisionsOrganizationRoleAssign($o: ID!, $r: ID!) {\n    organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {\n      assignedCount\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DecisionsOrganizationRoleAssignDocument,
    "\n  query EmailNotifications($id: ID!) {\n    notifications(storeId: $id, first: 50) {\n      nodes {\n        id\n        channel\n        kind\n        recipient\n        subject\n        deliveredAt\n      }\n    }\n  }\n": types.EmailNotificationsDocument,
    "\n  query EmailCollaboratorAccounts {\n    viewer {\n      collaboratorAccounts {\n        id\n        status\n        store {\n          domain\n        }\n      }\n    }\n  }\n": types.EmailCollaboratorAccountsDocument,
    "\n        query FaultsViewerName {\n          viewer {\n            name\n          }\n        }\n      ": types.FaultsViewerNameDocument,
    "\n  query MultiInstanceVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      problem\n    }\n  }\n": types.MultiInstanceVerifyDocument,
    "\n  query MultiInstanceViewerEmail {\n    viewer {\n      email\n    }\n  }\n": types.MultiInstanceViewerEmailDocument,
    "\n  query ObservabilityHidden {\n    store(id: \"gid://latchkey/Store/999999\") {\n      id\n    }\n    explainAccess(permission: \"x\", storeId: \"gid://latchkey/Store/999999\", userId: \"gid://latchkey/User/999999\") {\n      __typename\n    }\n  }\n": types.ObservabilityHiddenDocument,
    "\n  fragment PartnerStoresStore on Store {\n    id\n    name\n    domain\n    storeType\n    archivedAt\n    owner {\n      name\n      email\n    }\n    ownerPartnerOrganization {\n      name\n    }\n    organization {\n      id\n    }\n  }\n": types.PartnerStoresStoreFragmentDoc,
    "\n  mutation PartnerStoresCreate($input: PartnerStoreCreateInput!) {\n    partnerStoreCreate(input: $input) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.PartnerStoresCreateDocument,
    "\n  mutation PartnerStoresArchive($id: ID!) {\n    partnerStoreArchive(id: $id) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.PartnerStoresArchiveDocument,
    "\n  mutation PartnerStoresUnarchive($id: ID!) {\n    partnerStoreUnarchive(id: $id) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.PartnerStoresUnarchiveDocument,
    "\n  mutation PartnerStoresTransfer($id: ID!, $email: String!) {\n    partnerStoreTransfer(id: $id, merchantEmail: $email) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.PartnerStoresTransferDocument,
    "\n  query PartnerStoresRead($id: ID!) {\n    store(id: $id) {\n      ...PartnerStoresStore\n      collaboratorRequestCode\n    }\n  }\n": types.PartnerStoresReadDocument,
    "\n  query PartnerStoresList($org: ID!, $type: StoreType) {\n    partnerOrganization(id: $org) {\n      stores(storeType: $type, first: 250) {\n        nodes {\n          id\n          domain\n          storeType\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.PartnerStoresListDocument,
    "\n  query PartnerStoresMemberships {\n    viewer {\n      partnerMemberships {\n        partnerOrganization {\n          name\n        }\n        storeAccess {\n          storeType\n          access\n          storeIds\n        }\n      }\n    }\n  }\n": types.PartnerStoresMembershipsDocument,
    "\n  query PartnerStoresUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250) {\n        nodes {\n          userType\n          status\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n": types.PartnerStoresUsersDocument,
    "\n  mutation PartnerStoresRequest($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        status\n        partnerOrganization {\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.PartnerStoresRequestDocument,
    "\n        query PartnerStoresFirstPage($org: ID!) {\n          partnerOrganization(id: $org) {\n            stores(storeType: DEVELOPMENT, first: 1) {\n              nodes {\n                id\n              }\n              pageInfo {\n                hasNextPage\n              }\n            }\n          }\n        }\n      ": types.PartnerStoresFirstPageDocument,
    "\n  fragment ReportsFields on PartnerReport {\n    id\n    reason\n    status\n    createdAt\n    closedAt\n    resolution\n    partnerOrganization {\n      name\n    }\n    store {\n      id\n      name\n    }\n    reporter {\n      name\n      email\n    }\n    closedBy {\n      email\n    }\n  }\n": types.ReportsFieldsFragmentDoc,
    "\n  mutation ReportsReport($input: PartnerOrganizationReportInput!) {\n    partnerOrganizationReport(input: $input) {\n      report {\n        ...ReportsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ReportsReportDocument,
    "\n  query ReportsList($status: PartnerReportStatus, $first: Int, $after: String) {\n    partnerReports(status: $status, first: $first, after: $after) {\n      nodes {\n        ...ReportsFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReportsListDocument,
    "\n  mutation ReportsClose($id: ID!, $resolution: String!) {\n    partnerReportClose(id: $id, resolution: $resolution) {\n      report {\n        ...ReportsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ReportsCloseDocument,
    "\n  query ReportsAuditLog($id: ID!) {\n    auditLog(storeId: $id, first: 250) {\n      nodes {\n        action\n        actorName\n        targetName\n        details\n      }\n    }\n  }\n": types.ReportsAuditLogDocument,
    "\n  query ReportsPending($id: ID!) {\n    store(id: $id) {\n      collaborators(first: 50, status: REQUESTED) {\n        nodes {\n          id\n          status\n          message\n          user {\n            name\n            email\n          }\n          partnerOrganization {\n            name\n          }\n          requestedPermissions {\n            handle\n          }\n        }\n      }\n    }\n  }\n": types.ReportsPendingDocument,
    "\n  fragment RequestsCollaborator on Collaborator {\n    id\n    status\n    message\n    user {\n      email\n      name\n    }\n    partnerOrganization {\n      name\n    }\n    requestedPermissions {\n      handle\n    }\n    permissions {\n      handle\n    }\n    roles {\n      id\n      name\n    }\n    autoGeneratedRole {\n      id\n      name\n      autoGenerated\n      permissions {\n        handle\n      }\n    }\n  }\n": types.RequestsCollaboratorFragmentDoc,
    "\n  mutation RequestsCreate($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RequestsCreateDocument,
    "\n  mutation RequestsAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RequestsAcceptDocument,
    "\n  mutation RequestsReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RequestsRejectDocument,
    "\n  mutation RequestsWithdraw($id: ID!) {\n    collaboratorRequestWithdraw(id: $id) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RequestsWithdrawDocument,
    "\n  query RequestsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ...RequestsCollaborator\n    }\n  }\n": types.RequestsNodeDocument,
    "\n  query RequestsStoreCode($id: ID!) {\n    store(id: $id) {\n      id\n      collaboratorRequestCode\n      requireCollaboratorRequestCode\n    }\n  }\n": types.RequestsStoreCodeDocument,
    "\n  mutation RequestsCodeRegenerate($id: ID!) {\n    storeCollaboratorCodeRegenerate(storeId: $id) {\n      code\n      store {\n        collaboratorRequestCode\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RequestsCodeRegenerateDocument,
    "\n  mutation RequestsSettings($id: ID!, $on: Boolean!) {\n    storeCollaboratorSettingsUpdate(storeId: $id, requireRequestCode: $on) {\n      store {\n        requireCollaboratorRequestCode\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RequestsSettingsDocument,
    "\n  mutation RequestsRoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        id\n        name\n        autoGenerated\n        permissions {\n          handle\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RequestsRoleUpdateDocument,
    "\n  query RequestsLists($id: ID!, $collaboratorStatus: CollaboratorStatus, $userStatus: UserStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $collaboratorStatus) {\n        nodes {\n          id\n          status\n          user {\n            email\n          }\n        }\n      }\n      users(first: 250, status: $userStatus) {\n        nodes {\n          id\n          status\n          userType\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n": types.RequestsListsDocument,
    "\n  query RequestsNotifications($id: ID!) {\n    notifications(storeId: $id, first: 250) {\n      nodes {\n        id\n        channel\n        kind\n        recipient\n        subject\n      }\n    }\n  }\n": types.RequestsNotificationsDocument,
    "\n  query RequestsMemberships {\n    viewer {\n      partnerMemberships {\n        partnerOrganization {\n          name\n        }\n        type\n        storeAccess {\n          storeType\n          access\n          storeIds\n        }\n      }\n    }\n  }\n": types.RequestsMembershipsDocument,
    "\n  query RequestsStoreRoleIds($id: ID!) {\n    store(id: $id) {\n      roles {\n        id\n      }\n    }\n  }\n": types.RequestsStoreRoleIdsDocument,
    "\n  query RequestsCollaboratorAccounts {\n    viewer {\n      collaboratorAccounts {\n        id\n        status\n        store {\n          domain\n        }\n      }\n    }\n  }\n": types.RequestsCollaboratorAccountsDocument,
    "\n  query RequestsAuditLog($id: ID!) {\n    auditLog(storeId: $id, last: 5) {\n      nodes {\n        action\n        actorName\n        targetName\n        details\n      }\n    }\n  }\n": types.RequestsAuditLogDocument,
    "\n  query SqlCountCollaborators($id: ID!, $n: Int!) {\n    store(id: $id) {\n      collaborators(first: $n) {\n        nodes {\n          user {\n            name\n            email\n          }\n          roles {\n            name\n            permissions {\n              handle\n            }\n          }\n          partnerOrganization {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.SqlCountCollaboratorsDocument,
    "\n      mutation StartupDemoSignIn {\n        signIn(input: { email: \"olivia.hart@example.com\", password: \"latchkey-demo\" }) {\n          token\n          viewer {\n            name\n          }\n          userErrors {\n            code\n          }\n        }\n      }\n    ": types.StartupDemoSignInDocument,
    "\n  subscription SubscriptionsRequestReceived($storeId: ID!) {\n    collaboratorRequestReceived(storeId: $storeId) {\n      id\n      status\n      message\n      user {\n        name\n      }\n      store {\n        name\n      }\n      partnerOrganization {\n        name\n      }\n    }\n  }\n": types.SubscriptionsRequestReceivedDocument,
    "\n  query SubscriptionsViewerName {\n    viewer {\n      name\n    }\n  }\n": types.SubscriptionsViewerNameDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        name\n        email\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation CollaboratorRequestCreate($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CollaboratorRequestCreateDocument,
    "\n  mutation CollaboratorRequestCreateWithRole($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n        autoGeneratedRole {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CollaboratorRequestCreateWithRoleDocument,
    "\n  mutation CollaboratorRequestAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CollaboratorRequestAcceptDocument,
    "\n  mutation CollaboratorRequestReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CollaboratorRequestRejectDocument,
    "\n  mutation CollaboratorRequestWithdraw($id: ID!) {\n    collaboratorRequestWithdraw(id: $id) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CollaboratorRequestWithdrawDocument,
    "\n  mutation CollaboratorRemove($id: ID!, $password: String!) {\n    collaboratorRemove(id: $id, password: $password) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CollaboratorRemoveDocument,
    "\n  mutation CollaboratorRolesSet($id: ID!, $roleIds: [ID!]!) {\n    collaboratorRolesSet(id: $id, roleIds: $roleIds) {\n      collaborator {\n        id\n        status\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CollaboratorRolesSetDocument,
    "\n  mutation CollaboratorRequestBlockLift($storeId: ID!, $partnerOrganizationId: ID!) {\n    collaboratorRequestBlockLift(storeId: $storeId, partnerOrganizationId: $partnerOrganizationId) {\n      store {\n        id\n      }\n      partnerOrganization {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CollaboratorRequestBlockLiftDocument,
    "\n  mutation RoleCreate($input: RoleCreateInput!) {\n    roleCreate(input: $input) {\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RoleCreateDocument,
    "\n  mutation RoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RoleUpdateDocument,
    "\n  mutation RoleDelete($id: ID!) {\n    roleDelete(id: $id) {\n      deletedRoleId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RoleDeleteDocument,
    "\n  query StoreName($id: ID!) {\n    store(id: $id) {\n      id\n      name\n    }\n  }\n": types.StoreNameDocument,
    "\n  query ExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n    }\n  }\n": types.ExplainAccessDocument,
    "\n  query AuditLogVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      problem\n    }\n  }\n": types.AuditLogVerifyDocument,
    "\n  query TwoSidedExplain($u: ID!, $s: ID!, $p: String!) {\n    explainAccess(userId: $u, storeId: $s, permission: $p) {\n      allowed\n      reasons\n      via {\n        kind\n        partnerSetting\n      }\n    }\n  }\n": types.TwoSidedExplainDocument,
    "\n  mutation TwoSidedMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {\n    partnerMemberUpdate(id: $id, input: $input) {\n      partnerMember {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.TwoSidedMemberUpdateDocument,
    "\n  mutation TwoSidedStoreCreate($input: PartnerStoreCreateInput!) {\n    partnerStoreCreate(input: $input) {\n      store {\n        id\n        storeType\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.TwoSidedStoreCreateDocument,
    "\n  query TwoSidedCollaborators($id: ID!) {\n    store(id: $id) {\n      collaborators(first: 5) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": types.TwoSidedCollaboratorsDocument,
    "\n  query TwoSidedCollaboratorEmails($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 10, status: $status) {\n        nodes {\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n": types.TwoSidedCollaboratorEmailsDocument,
    "\n    mutation TwoSidedManagedStoreRemove($p: ID!, $s: ID!) {\n      partnerManagedStoreRemove(partnerOrganizationId: $p, storeId: $s) {\n        removedStoreId\n        endedCount\n        userErrors {\n          code\n          field\n          message\n        }\n      }\n    }\n  ": types.TwoSidedManagedStoreRemoveDocument,
    "\n        query TwoSidedLastAudit($id: ID!) {\n          auditLog(storeId: $id, last: 1) {\n            nodes {\n              action\n              actorName\n            }\n          }\n        }\n      ": types.TwoSidedLastAuditDocument,
    "\n        query TwoSidedStoreAccess {\n          viewer {\n            partnerMemberships {\n              storeAccess {\n                storeType\n                access\n                storeIds\n              }\n            }\n          }\n        }\n      ": types.TwoSidedStoreAccessDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessExplain($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n    }\n  }\n"): (typeof documents)["\n  query AccessExplain($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessCollaborators($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $status) {\n        nodes {\n          id\n          status\n          lastLoginAt\n          user {\n            email\n          }\n          roles {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessCollaborators($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $status) {\n        nodes {\n          id\n          status\n          lastLoginAt\n          user {\n            email\n          }\n          roles {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessUsers($id: ID!, $userType: UserType, $status: UserStatus, $first: Int, $after: String) {\n    store(id: $id) {\n      users(userType: $userType, status: $status, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            userType\n            status\n            user {\n              email\n            }\n          }\n        }\n        nodes {\n          id\n          userType\n          status\n          user {\n            email\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessUsers($id: ID!, $userType: UserType, $status: UserStatus, $first: Int, $after: String) {\n    store(id: $id) {\n      users(userType: $userType, status: $status, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            userType\n            status\n            user {\n              email\n            }\n          }\n        }\n        nodes {\n          id\n          userType\n          status\n          user {\n            email\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessStaffCount($id: ID!) {\n    store(id: $id) {\n      staffCount\n      staffLimit\n    }\n  }\n"): (typeof documents)["\n  query AccessStaffCount($id: ID!) {\n    store(id: $id) {\n      staffCount\n      staffLimit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessStoreId($id: ID!) {\n    store(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query AccessStoreId($id: ID!) {\n    store(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AccessStoreName($id: ID!) {\n        store(id: $id) {\n          id\n          name\n        }\n      }\n    "): (typeof documents)["\n      query AccessStoreName($id: ID!) {\n        store(id: $id) {\n          id\n          name\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AccessOwnershipTransfer($storeId: ID!, $userId: ID!) {\n      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {\n        store {\n          id\n          owner {\n            email\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AccessOwnershipTransfer($storeId: ID!, $userId: ID!) {\n      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {\n        store {\n          id\n          owner {\n            email\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query AccessStoreOwner($id: ID!) {\n      store(id: $id) {\n        owner {\n          email\n        }\n      }\n    }\n  "): (typeof documents)["\n    query AccessStoreOwner($id: ID!) {\n      store(id: $id) {\n        owner {\n          email\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        email\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        email\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountViewer {\n    viewer {\n      id\n      email\n      name\n      preferredLanguage\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  query AccountViewer {\n    viewer {\n      id\n      email\n      name\n      preferredLanguage\n      twoFactorEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountTwoFactorEnroll {\n    twoFactorEnroll {\n      otpauthUri\n      secret\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountTwoFactorEnroll {\n    twoFactorEnroll {\n      otpauthUri\n      secret\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountTwoFactorConfirm($otp: String!) {\n    twoFactorConfirm(otp: $otp) {\n      recoveryCodes\n      user {\n        email\n        twoFactorEnabled\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountTwoFactorConfirm($otp: String!) {\n    twoFactorConfirm(otp: $otp) {\n      recoveryCodes\n      user {\n        email\n        twoFactorEnabled\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountTwoFactorDisable($password: String!) {\n    twoFactorDisable(password: $password) {\n      user {\n        email\n        twoFactorEnabled\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountTwoFactorDisable($password: String!) {\n    twoFactorDisable(password: $password) {\n      user {\n        email\n        twoFactorEnabled\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountPasswordChange($current: String!, $next: String!) {\n    passwordChange(currentPassword: $current, newPassword: $next) {\n      user {\n        email\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountPasswordChange($current: String!, $next: String!) {\n    passwordChange(currentPassword: $current, newPassword: $next) {\n      user {\n        email\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountPasswordResetRequest($email: String!) {\n    passwordResetRequest(email: $email) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountPasswordResetRequest($email: String!) {\n    passwordResetRequest(email: $email) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountPasswordReset($token: String!, $password: String!) {\n    passwordReset(token: $token, newPassword: $password) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountPasswordReset($token: String!, $password: String!) {\n    passwordReset(token: $token, newPassword: $password) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountViewerUpdate($input: ViewerUpdateInput!) {\n    viewerUpdate(input: $input) {\n      user {\n        name\n        preferredLanguage\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountViewerUpdate($input: ViewerUpdateInput!) {\n    viewerUpdate(input: $input) {\n      user {\n        name\n        preferredLanguage\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountStoreOwner($id: ID!) {\n    store(id: $id) {\n      owner {\n        email\n        preferredLanguage\n        twoFactorEnabled\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountStoreOwner($id: ID!) {\n    store(id: $id) {\n      owner {\n        email\n        preferredLanguage\n        twoFactorEnabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiStoreId($id: ID!) {\n    store(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ApiStoreId($id: ID!) {\n    store(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation ApiSignOut {\n          signOut {\n            userErrors {\n              code\n              message\n            }\n          }\n        }\n      "): (typeof documents)["\n        mutation ApiSignOut {\n          signOut {\n            userErrors {\n              code\n              message\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ApiNode($id: ID!) {\n      node(id: $id) {\n        __typename\n        id\n        ... on Store {\n          name\n          domain\n        }\n        ... on Role {\n          name\n          system\n        }\n      }\n    }\n  "): (typeof documents)["\n    query ApiNode($id: ID!) {\n      node(id: $id) {\n        __typename\n        id\n        ... on Store {\n          name\n          domain\n        }\n        ... on Role {\n          name\n          system\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ApiNodes($ids: [ID!]!) {\n      nodes(ids: $ids) {\n        __typename\n        id\n        ... on Store {\n          name\n        }\n        ... on Role {\n          name\n        }\n      }\n    }\n  "): (typeof documents)["\n    query ApiNodes($ids: [ID!]!) {\n      nodes(ids: $ids) {\n        __typename\n        id\n        ... on Store {\n          name\n        }\n        ... on Role {\n          name\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query ApiStoreIds($id: ID!) {\n              store(id: $id) {\n                id\n                owner {\n                  id\n                }\n                roles {\n                  id\n                }\n                organization {\n                  id\n                }\n              }\n            }\n          "): (typeof documents)["\n            query ApiStoreIds($id: ID!) {\n              store(id: $id) {\n                id\n                owner {\n                  id\n                }\n                roles {\n                  id\n                }\n                organization {\n                  id\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query ApiStoreName($id: ID!) {\n        store(id: $id) {\n          id\n          name\n        }\n      }\n    "): (typeof documents)["\n      query ApiStoreName($id: ID!) {\n        store(id: $id) {\n          id\n          name\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ApiAcmeEuByDomain {\n          storeByDomain(domain: \"acme-eu.example.com\") {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query ApiAcmeEuByDomain {\n          storeByDomain(domain: \"acme-eu.example.com\") {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ApiMissingByDomain {\n          storeByDomain(domain: \"nowhere.example.com\") {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query ApiMissingByDomain {\n          storeByDomain(domain: \"nowhere.example.com\") {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ApiPermissions {\n          permissions {\n            handle\n            name\n            group\n            sensitive\n          }\n        }\n      "): (typeof documents)["\n        query ApiPermissions {\n          permissions {\n            handle\n            name\n            group\n            sensitive\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ApiStoreRoles($id: ID!) {\n          store(id: $id) {\n            roles {\n              id\n              name\n              scope\n              system\n              autoGenerated\n              permissions {\n                handle\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query ApiStoreRoles($id: ID!) {\n          store(id: $id) {\n            roles {\n              id\n              name\n              scope\n              system\n              autoGenerated\n              permissions {\n                handle\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query ApiNordicRoles($id: ID!) {\n              store(id: $id) {\n                roles {\n                  name\n                  system\n                  autoGenerated\n                }\n              }\n            }\n          "): (typeof documents)["\n            query ApiNordicRoles($id: ID!) {\n              store(id: $id) {\n                roles {\n                  name\n                  system\n                  autoGenerated\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ApiAuditLog($storeId: ID!) {\n      auditLog(storeId: $storeId, first: 250) {\n        nodes {\n          id\n          action\n          actorName\n          targetName\n          createdAt\n          details\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  "): (typeof documents)["\n    query ApiAuditLog($storeId: ID!) {\n      auditLog(storeId: $storeId, first: 250) {\n        nodes {\n          id\n          action\n          actorName\n          targetName\n          createdAt\n          details\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation ApiRequestCodeOff($storeId: ID!) {\n              storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: false) {\n                store {\n                  requireCollaboratorRequestCode\n                }\n                userErrors {\n                  code\n                  message\n                }\n              }\n            }\n          "): (typeof documents)["\n            mutation ApiRequestCodeOff($storeId: ID!) {\n              storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: false) {\n                store {\n                  requireCollaboratorRequestCode\n                }\n                userErrors {\n                  code\n                  message\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditsVia on AccessVia {\n    kind\n    role {\n      name\n    }\n    partnerSetting\n    reason\n  }\n"): (typeof documents)["\n  fragment AuditsVia on AccessVia {\n    kind\n    role {\n      name\n    }\n    partnerSetting\n    reason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsAccessAudit($storeId: ID!, $permission: String, $userType: UserType, $sensitiveOnly: Boolean) {\n    accessAudit(storeId: $storeId, permission: $permission, userType: $userType, sensitiveOnly: $sensitiveOnly) {\n      user {\n        name\n        email\n      }\n      userType\n      permission\n      sensitive\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsAccessAudit($storeId: ID!, $permission: String, $userType: UserType, $sensitiveOnly: Boolean) {\n    accessAudit(storeId: $storeId, permission: $permission, userType: $userType, sensitiveOnly: $sensitiveOnly) {\n      user {\n        name\n        email\n      }\n      userType\n      permission\n      sensitive\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsUserAccess($userId: ID!) {\n    userAccess(userId: $userId) {\n      store {\n        name\n      }\n      userType\n      permissions {\n        handle\n        sensitive\n      }\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsUserAccess($userId: ID!) {\n    userAccess(userId: $userId) {\n      store {\n        name\n      }\n      userType\n      permissions {\n        handle\n        sensitive\n      }\n      via {\n        ...AuditsVia\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditsFinding on AccessReviewFinding {\n    at\n    user {\n      name\n    }\n    store {\n      name\n    }\n    storeUser {\n      id\n      userType\n      status\n    }\n    collaborator {\n      id\n      status\n      lastLoginAt\n    }\n    permissions {\n      handle\n    }\n  }\n"): (typeof documents)["\n  fragment AuditsFinding on AccessReviewFinding {\n    at\n    user {\n      name\n    }\n    store {\n      name\n    }\n    storeUser {\n      id\n      userType\n      status\n    }\n    collaborator {\n      id\n      status\n      lastLoginAt\n    }\n    permissions {\n      handle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsAccessReview($storeId: ID, $organizationId: ID, $expiringWithinDays: Int, $unusedForDays: Int) {\n    accessReview(\n      storeId: $storeId\n      organizationId: $organizationId\n      expiringWithinDays: $expiringWithinDays\n      unusedForDays: $unusedForDays\n    ) {\n      stores {\n        name\n      }\n      sensitiveCollaborators {\n        ...AuditsFinding\n      }\n      expiringCollaborators {\n        ...AuditsFinding\n      }\n      pendingRequests {\n        id\n        status\n        user {\n          name\n        }\n        store {\n          name\n        }\n      }\n      unusedAccounts {\n        ...AuditsFinding\n      }\n      grantedBeyondRequest {\n        ...AuditsFinding\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsAccessReview($storeId: ID, $organizationId: ID, $expiringWithinDays: Int, $unusedForDays: Int) {\n    accessReview(\n      storeId: $storeId\n      organizationId: $organizationId\n      expiringWithinDays: $expiringWithinDays\n      unusedForDays: $unusedForDays\n    ) {\n      stores {\n        name\n      }\n      sensitiveCollaborators {\n        ...AuditsFinding\n      }\n      expiringCollaborators {\n        ...AuditsFinding\n      }\n      pendingRequests {\n        id\n        status\n        user {\n          name\n        }\n        store {\n          name\n        }\n      }\n      unusedAccounts {\n        ...AuditsFinding\n      }\n      grantedBeyondRequest {\n        ...AuditsFinding\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsAcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAcceptPreview(id: $id, input: $input) {\n      collaborator {\n        id\n        status\n      }\n      roles {\n        role {\n          id\n          name\n        }\n        name\n        permissions {\n          handle\n        }\n      }\n      permissions {\n        handle\n        sensitive\n      }\n      sensitivePermissions {\n        handle\n      }\n      beyondRequested {\n        handle\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsAcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAcceptPreview(id: $id, input: $input) {\n      collaborator {\n        id\n        status\n      }\n      roles {\n        role {\n          id\n          name\n        }\n        name\n        permissions {\n          handle\n        }\n      }\n      permissions {\n        handle\n        sensitive\n      }\n      sensitivePermissions {\n        handle\n      }\n      beyondRequested {\n        handle\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditsEvent on AuditEvent {\n    id\n    action\n    actorName\n    targetName\n    targetType\n    createdAt\n    details\n    hash\n  }\n"): (typeof documents)["\n  fragment AuditsEvent on AuditEvent {\n    id\n    action\n    actorName\n    targetName\n    targetType\n    createdAt\n    details\n    hash\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsStoreLog($storeId: ID!, $filter: AuditLogFilter) {\n    auditLog(storeId: $storeId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsStoreLog($storeId: ID!, $filter: AuditLogFilter) {\n    auditLog(storeId: $storeId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsOrganizationLog($organizationId: ID!, $filter: AuditLogFilter) {\n    organizationAuditLog(organizationId: $organizationId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsOrganizationLog($organizationId: ID!, $filter: AuditLogFilter) {\n    organizationAuditLog(organizationId: $organizationId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsPartnerLog($partnerOrganizationId: ID!, $filter: AuditLogFilter) {\n    partnerOrganizationAuditLog(partnerOrganizationId: $partnerOrganizationId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsPartnerLog($partnerOrganizationId: ID!, $filter: AuditLogFilter) {\n    partnerOrganizationAuditLog(partnerOrganizationId: $partnerOrganizationId, first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsViewerLog($filter: AuditLogFilter) {\n    viewerAuditLog(first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsViewerLog($filter: AuditLogFilter) {\n    viewerAuditLog(first: 250, filter: $filter) {\n      nodes {\n        ...AuditsEvent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      brokenEventId\n      problem\n    }\n  }\n"): (typeof documents)["\n  query AuditsVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      brokenEventId\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsCodeRegenerate($storeId: ID!) {\n      storeCollaboratorCodeRegenerate(storeId: $storeId) {\n        code\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsCodeRegenerate($storeId: ID!) {\n      storeCollaboratorCodeRegenerate(storeId: $storeId) {\n        code\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsSettings($storeId: ID!, $require: Boolean!) {\n      storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: $require) {\n        store {\n          requireCollaboratorRequestCode\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsSettings($storeId: ID!, $require: Boolean!) {\n      storeCollaboratorSettingsUpdate(storeId: $storeId, requireRequestCode: $require) {\n        store {\n          requireCollaboratorRequestCode\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsOwnershipTransfer($storeId: ID!, $userId: ID!) {\n      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {\n        store {\n          owner {\n            name\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsOwnershipTransfer($storeId: ID!, $userId: ID!) {\n      storeOwnershipTransfer(storeId: $storeId, userId: $userId) {\n        store {\n          owner {\n            name\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {\n      partnerMemberUpdate(id: $id, input: $input) {\n        partnerMember {\n          id\n          storeAccess {\n            storeType\n            access\n            storeIds\n            actions\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {\n      partnerMemberUpdate(id: $id, input: $input) {\n        partnerMember {\n          id\n          storeAccess {\n            storeType\n            access\n            storeIds\n            actions\n          }\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsMemberRemove($id: ID!) {\n      partnerMemberRemove(id: $id) {\n        removedPartnerMemberId\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsMemberRemove($id: ID!) {\n      partnerMemberRemove(id: $id) {\n        removedPartnerMemberId\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsMemberInvite($input: PartnerMemberInviteInput!) {\n      partnerMemberInvite(input: $input) {\n        partnerMember {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsMemberInvite($input: PartnerMemberInviteInput!) {\n      partnerMemberInvite(input: $input) {\n        partnerMember {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsOrganizationRoleAssign($organizationId: ID!, $roleId: ID!) {\n      organizationCollaboratorsRoleAssign(organizationId: $organizationId, roleId: $roleId) {\n        assignedCount\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsOrganizationRoleAssign($organizationId: ID!, $roleId: ID!) {\n      organizationCollaboratorsRoleAssign(organizationId: $organizationId, roleId: $roleId) {\n        assignedCount\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsViewerUpdate($input: ViewerUpdateInput!) {\n      viewerUpdate(input: $input) {\n        user {\n          name\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsViewerUpdate($input: ViewerUpdateInput!) {\n      viewerUpdate(input: $input) {\n        user {\n          name\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AuditsPartnerStoreCreate($input: PartnerStoreCreateInput!) {\n      partnerStoreCreate(input: $input) {\n        store {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation AuditsPartnerStoreCreate($input: PartnerStoreCreateInput!) {\n      partnerStoreCreate(input: $input) {\n        store {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsRequestCode($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n    }\n  }\n"): (typeof documents)["\n  query AuditsRequestCode($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditsPartnerMembers($id: ID!) {\n    partnerOrganization(id: $id) {\n      members {\n        id\n        user {\n          email\n        }\n        invitedEmail\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditsPartnerMembers($id: ID!) {\n    partnerOrganization(id: $id) {\n      members {\n        id\n        user {\n          email\n        }\n        invitedEmail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query AuditsNordicRequests($id: ID!) {\n      store(id: $id) {\n        collaborators(first: 50, status: REQUESTED) {\n          nodes {\n            id\n            status\n            roles {\n              name\n            }\n            autoGeneratedRole {\n              name\n              permissions {\n                handle\n              }\n            }\n          }\n        }\n        roles {\n          name\n        }\n      }\n    }\n  "): (typeof documents)["\n    query AuditsNordicRequests($id: ID!) {\n      store(id: $id) {\n        collaborators(first: 50, status: REQUESTED) {\n          nodes {\n            id\n            status\n            roles {\n              name\n            }\n            autoGeneratedRole {\n              name\n              permissions {\n                handle\n              }\n            }\n          }\n        }\n        roles {\n          name\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query AuditsStoreRoles($id: ID!) {\n      store(id: $id) {\n        roles {\n          id\n          name\n          system\n        }\n      }\n    }\n  "): (typeof documents)["\n    query AuditsStoreRoles($id: ID!) {\n      store(id: $id) {\n        roles {\n          id\n          name\n          system\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DecisionsRole on Role {\n    id\n    name\n    scope\n    system\n    autoGenerated\n    permissions {\n      handle\n    }\n  }\n"): (typeof documents)["\n  fragment DecisionsRole on Role {\n    id\n    name\n    scope\n    system\n    autoGenerated\n    permissions {\n      handle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DecisionsCollaborator on Collaborator {\n    id\n    status\n    user {\n      name\n      email\n    }\n    roles {\n      id\n      name\n    }\n    permissions {\n      handle\n    }\n    autoGeneratedRole {\n      id\n      name\n      permissions {\n        handle\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DecisionsCollaborator on Collaborator {\n    id\n    status\n    user {\n      name\n      email\n    }\n    roles {\n      id\n      name\n    }\n    permissions {\n      handle\n    }\n    autoGeneratedRole {\n      id\n      name\n      permissions {\n        handle\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionsAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionsAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionsReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionsReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionsRolesSet($id: ID!, $ids: [ID!]!) {\n    collaboratorRolesSet(id: $id, roleIds: $ids) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionsRolesSet($id: ID!, $ids: [ID!]!) {\n    collaboratorRolesSet(id: $id, roleIds: $ids) {\n      collaborator {\n        ...DecisionsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionsRoleCreate($input: RoleCreateInput!) {\n    roleCreate(input: $input) {\n      role {\n        ...DecisionsRole\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionsRoleCreate($input: RoleCreateInput!) {\n    roleCreate(input: $input) {\n      role {\n        ...DecisionsRole\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionsRoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        ...DecisionsRole\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionsRoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        ...DecisionsRole\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionsRoleRename($id: ID!) {\n    roleUpdate(id: $id, input: { name: \"Fulfilment 2\" }) {\n      role {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionsRoleRename($id: ID!) {\n    roleUpdate(id: $id, input: { name: \"Fulfilment 2\" }) {\n      role {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsNodeCollaborator($id: ID!) {\n    node(id: $id) {\n      __typename\n      ...DecisionsCollaborator\n    }\n  }\n"): (typeof documents)["\n  query DecisionsNodeCollaborator($id: ID!) {\n    node(id: $id) {\n      __typename\n      ...DecisionsCollaborator\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsNodeId($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query DecisionsNodeId($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsStoreRoles($id: ID!) {\n    store(id: $id) {\n      roles {\n        ...DecisionsRole\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsStoreRoles($id: ID!) {\n    store(id: $id) {\n      roles {\n        ...DecisionsRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsOrganizationRoles($id: ID!) {\n    organization(id: $id) {\n      roles {\n        ...DecisionsRole\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsOrganizationRoles($id: ID!) {\n    organization(id: $id) {\n      roles {\n        ...DecisionsRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsCollaborators($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $status) {\n        nodes {\n          ...DecisionsCollaborator\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsCollaborators($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $status) {\n        nodes {\n          ...DecisionsCollaborator\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsStoreRequests($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n      collaborators(first: 250, status: REQUESTED) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsStoreRequests($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n      collaborators(first: 250, status: REQUESTED) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsStoreCollaboratorIds($id: ID!) {\n    store(id: $id) {\n      id\n      collaborators(first: 10) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsStoreCollaboratorIds($id: ID!) {\n    store(id: $id) {\n      id\n      collaborators(first: 10) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsStoreCode($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n    }\n  }\n"): (typeof documents)["\n  query DecisionsStoreCode($id: ID!) {\n    store(id: $id) {\n      collaboratorRequestCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsStoreOrganization($id: ID!) {\n    store(id: $id) {\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsStoreOrganization($id: ID!) {\n    store(id: $id) {\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsActiveCollaboratorUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250, userType: COLLABORATOR, status: ACTIVE) {\n        nodes {\n          id\n          user {\n            email\n          }\n          collaborator {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsActiveCollaboratorUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250, userType: COLLABORATOR, status: ACTIVE) {\n        nodes {\n          id\n          user {\n            email\n          }\n          collaborator {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsRemovedCollaboratorUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250, userType: COLLABORATOR, status: REMOVED) {\n        nodes {\n          user {\n            email\n          }\n          collaborator {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsRemovedCollaboratorUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250, userType: COLLABORATOR, status: REMOVED) {\n        nodes {\n          user {\n            email\n          }\n          collaborator {\n            id\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsAuditLog($id: ID!) {\n    auditLog(storeId: $id, first: 250) {\n      nodes {\n        action\n        actorName\n        targetName\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsAuditLog($id: ID!) {\n    auditLog(storeId: $id, first: 250) {\n      nodes {\n        action\n        actorName\n        targetName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionsOrganizationRoleAssignCount($o: ID!, $r: ID!) {\n    organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {\n      assignedCount\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionsOrganizationRoleAssignCount($o: ID!, $r: ID!) {\n    organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {\n      assignedCount\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionsOrganizationRoleAssign($o: ID!, $r: ID!) {\n    organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {\n      assignedCount\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionsOrganizationRoleAssign($o: ID!, $r: ID!) {\n    organizationCollaboratorsRoleAssign(organizationId: $o, roleId: $r) {\n      assignedCount\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailNotifications($id: ID!) {\n    notifications(storeId: $id, first: 50) {\n      nodes {\n        id\n        channel\n        kind\n        recipient\n        subject\n        deliveredAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query EmailNotifications($id: ID!) {\n    notifications(storeId: $id, first: 50) {\n      nodes {\n        id\n        channel\n        kind\n        recipient\n        subject\n        deliveredAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailCollaboratorAccounts {\n    viewer {\n      collaboratorAccounts {\n        id\n        status\n        store {\n          domain\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EmailCollaboratorAccounts {\n    viewer {\n      collaboratorAccounts {\n        id\n        status\n        store {\n          domain\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query FaultsViewerName {\n          viewer {\n            name\n          }\n        }\n      "): (typeof documents)["\n        query FaultsViewerName {\n          viewer {\n            name\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MultiInstanceVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      problem\n    }\n  }\n"): (typeof documents)["\n  query MultiInstanceVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MultiInstanceViewerEmail {\n    viewer {\n      email\n    }\n  }\n"): (typeof documents)["\n  query MultiInstanceViewerEmail {\n    viewer {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObservabilityHidden {\n    store(id: \"gid://latchkey/Store/999999\") {\n      id\n    }\n    explainAccess(permission: \"x\", storeId: \"gid://latchkey/Store/999999\", userId: \"gid://latchkey/User/999999\") {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  query ObservabilityHidden {\n    store(id: \"gid://latchkey/Store/999999\") {\n      id\n    }\n    explainAccess(permission: \"x\", storeId: \"gid://latchkey/Store/999999\", userId: \"gid://latchkey/User/999999\") {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PartnerStoresStore on Store {\n    id\n    name\n    domain\n    storeType\n    archivedAt\n    owner {\n      name\n      email\n    }\n    ownerPartnerOrganization {\n      name\n    }\n    organization {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment PartnerStoresStore on Store {\n    id\n    name\n    domain\n    storeType\n    archivedAt\n    owner {\n      name\n      email\n    }\n    ownerPartnerOrganization {\n      name\n    }\n    organization {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerStoresCreate($input: PartnerStoreCreateInput!) {\n    partnerStoreCreate(input: $input) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PartnerStoresCreate($input: PartnerStoreCreateInput!) {\n    partnerStoreCreate(input: $input) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerStoresArchive($id: ID!) {\n    partnerStoreArchive(id: $id) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PartnerStoresArchive($id: ID!) {\n    partnerStoreArchive(id: $id) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerStoresUnarchive($id: ID!) {\n    partnerStoreUnarchive(id: $id) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PartnerStoresUnarchive($id: ID!) {\n    partnerStoreUnarchive(id: $id) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerStoresTransfer($id: ID!, $email: String!) {\n    partnerStoreTransfer(id: $id, merchantEmail: $email) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PartnerStoresTransfer($id: ID!, $email: String!) {\n    partnerStoreTransfer(id: $id, merchantEmail: $email) {\n      store {\n        ...PartnerStoresStore\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerStoresRead($id: ID!) {\n    store(id: $id) {\n      ...PartnerStoresStore\n      collaboratorRequestCode\n    }\n  }\n"): (typeof documents)["\n  query PartnerStoresRead($id: ID!) {\n    store(id: $id) {\n      ...PartnerStoresStore\n      collaboratorRequestCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerStoresList($org: ID!, $type: StoreType) {\n    partnerOrganization(id: $org) {\n      stores(storeType: $type, first: 250) {\n        nodes {\n          id\n          domain\n          storeType\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerStoresList($org: ID!, $type: StoreType) {\n    partnerOrganization(id: $org) {\n      stores(storeType: $type, first: 250) {\n        nodes {\n          id\n          domain\n          storeType\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerStoresMemberships {\n    viewer {\n      partnerMemberships {\n        partnerOrganization {\n          name\n        }\n        storeAccess {\n          storeType\n          access\n          storeIds\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerStoresMemberships {\n    viewer {\n      partnerMemberships {\n        partnerOrganization {\n          name\n        }\n        storeAccess {\n          storeType\n          access\n          storeIds\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerStoresUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250) {\n        nodes {\n          userType\n          status\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerStoresUsers($id: ID!) {\n    store(id: $id) {\n      users(first: 250) {\n        nodes {\n          userType\n          status\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerStoresRequest($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        status\n        partnerOrganization {\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PartnerStoresRequest($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        status\n        partnerOrganization {\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PartnerStoresFirstPage($org: ID!) {\n          partnerOrganization(id: $org) {\n            stores(storeType: DEVELOPMENT, first: 1) {\n              nodes {\n                id\n              }\n              pageInfo {\n                hasNextPage\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query PartnerStoresFirstPage($org: ID!) {\n          partnerOrganization(id: $org) {\n            stores(storeType: DEVELOPMENT, first: 1) {\n              nodes {\n                id\n              }\n              pageInfo {\n                hasNextPage\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportsFields on PartnerReport {\n    id\n    reason\n    status\n    createdAt\n    closedAt\n    resolution\n    partnerOrganization {\n      name\n    }\n    store {\n      id\n      name\n    }\n    reporter {\n      name\n      email\n    }\n    closedBy {\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment ReportsFields on PartnerReport {\n    id\n    reason\n    status\n    createdAt\n    closedAt\n    resolution\n    partnerOrganization {\n      name\n    }\n    store {\n      id\n      name\n    }\n    reporter {\n      name\n      email\n    }\n    closedBy {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportsReport($input: PartnerOrganizationReportInput!) {\n    partnerOrganizationReport(input: $input) {\n      report {\n        ...ReportsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReportsReport($input: PartnerOrganizationReportInput!) {\n    partnerOrganizationReport(input: $input) {\n      report {\n        ...ReportsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportsList($status: PartnerReportStatus, $first: Int, $after: String) {\n    partnerReports(status: $status, first: $first, after: $after) {\n      nodes {\n        ...ReportsFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportsList($status: PartnerReportStatus, $first: Int, $after: String) {\n    partnerReports(status: $status, first: $first, after: $after) {\n      nodes {\n        ...ReportsFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportsClose($id: ID!, $resolution: String!) {\n    partnerReportClose(id: $id, resolution: $resolution) {\n      report {\n        ...ReportsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReportsClose($id: ID!, $resolution: String!) {\n    partnerReportClose(id: $id, resolution: $resolution) {\n      report {\n        ...ReportsFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportsAuditLog($id: ID!) {\n    auditLog(storeId: $id, first: 250) {\n      nodes {\n        action\n        actorName\n        targetName\n        details\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportsAuditLog($id: ID!) {\n    auditLog(storeId: $id, first: 250) {\n      nodes {\n        action\n        actorName\n        targetName\n        details\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportsPending($id: ID!) {\n    store(id: $id) {\n      collaborators(first: 50, status: REQUESTED) {\n        nodes {\n          id\n          status\n          message\n          user {\n            name\n            email\n          }\n          partnerOrganization {\n            name\n          }\n          requestedPermissions {\n            handle\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportsPending($id: ID!) {\n    store(id: $id) {\n      collaborators(first: 50, status: REQUESTED) {\n        nodes {\n          id\n          status\n          message\n          user {\n            name\n            email\n          }\n          partnerOrganization {\n            name\n          }\n          requestedPermissions {\n            handle\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestsCollaborator on Collaborator {\n    id\n    status\n    message\n    user {\n      email\n      name\n    }\n    partnerOrganization {\n      name\n    }\n    requestedPermissions {\n      handle\n    }\n    permissions {\n      handle\n    }\n    roles {\n      id\n      name\n    }\n    autoGeneratedRole {\n      id\n      name\n      autoGenerated\n      permissions {\n        handle\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RequestsCollaborator on Collaborator {\n    id\n    status\n    message\n    user {\n      email\n      name\n    }\n    partnerOrganization {\n      name\n    }\n    requestedPermissions {\n      handle\n    }\n    permissions {\n      handle\n    }\n    roles {\n      id\n      name\n    }\n    autoGeneratedRole {\n      id\n      name\n      autoGenerated\n      permissions {\n        handle\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestsCreate($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestsCreate($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestsAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestsAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestsReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestsReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestsWithdraw($id: ID!) {\n    collaboratorRequestWithdraw(id: $id) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestsWithdraw($id: ID!) {\n    collaboratorRequestWithdraw(id: $id) {\n      collaborator {\n        ...RequestsCollaborator\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ...RequestsCollaborator\n    }\n  }\n"): (typeof documents)["\n  query RequestsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ...RequestsCollaborator\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestsStoreCode($id: ID!) {\n    store(id: $id) {\n      id\n      collaboratorRequestCode\n      requireCollaboratorRequestCode\n    }\n  }\n"): (typeof documents)["\n  query RequestsStoreCode($id: ID!) {\n    store(id: $id) {\n      id\n      collaboratorRequestCode\n      requireCollaboratorRequestCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestsCodeRegenerate($id: ID!) {\n    storeCollaboratorCodeRegenerate(storeId: $id) {\n      code\n      store {\n        collaboratorRequestCode\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestsCodeRegenerate($id: ID!) {\n    storeCollaboratorCodeRegenerate(storeId: $id) {\n      code\n      store {\n        collaboratorRequestCode\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestsSettings($id: ID!, $on: Boolean!) {\n    storeCollaboratorSettingsUpdate(storeId: $id, requireRequestCode: $on) {\n      store {\n        requireCollaboratorRequestCode\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestsSettings($id: ID!, $on: Boolean!) {\n    storeCollaboratorSettingsUpdate(storeId: $id, requireRequestCode: $on) {\n      store {\n        requireCollaboratorRequestCode\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestsRoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        id\n        name\n        autoGenerated\n        permissions {\n          handle\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestsRoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        id\n        name\n        autoGenerated\n        permissions {\n          handle\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestsLists($id: ID!, $collaboratorStatus: CollaboratorStatus, $userStatus: UserStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $collaboratorStatus) {\n        nodes {\n          id\n          status\n          user {\n            email\n          }\n        }\n      }\n      users(first: 250, status: $userStatus) {\n        nodes {\n          id\n          status\n          userType\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestsLists($id: ID!, $collaboratorStatus: CollaboratorStatus, $userStatus: UserStatus) {\n    store(id: $id) {\n      collaborators(first: 250, status: $collaboratorStatus) {\n        nodes {\n          id\n          status\n          user {\n            email\n          }\n        }\n      }\n      users(first: 250, status: $userStatus) {\n        nodes {\n          id\n          status\n          userType\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestsNotifications($id: ID!) {\n    notifications(storeId: $id, first: 250) {\n      nodes {\n        id\n        channel\n        kind\n        recipient\n        subject\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestsNotifications($id: ID!) {\n    notifications(storeId: $id, first: 250) {\n      nodes {\n        id\n        channel\n        kind\n        recipient\n        subject\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestsMemberships {\n    viewer {\n      partnerMemberships {\n        partnerOrganization {\n          name\n        }\n        type\n        storeAccess {\n          storeType\n          access\n          storeIds\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestsMemberships {\n    viewer {\n      partnerMemberships {\n        partnerOrganization {\n          name\n        }\n        type\n        storeAccess {\n          storeType\n          access\n          storeIds\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestsStoreRoleIds($id: ID!) {\n    store(id: $id) {\n      roles {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestsStoreRoleIds($id: ID!) {\n    store(id: $id) {\n      roles {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestsCollaboratorAccounts {\n    viewer {\n      collaboratorAccounts {\n        id\n        status\n        store {\n          domain\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestsCollaboratorAccounts {\n    viewer {\n      collaboratorAccounts {\n        id\n        status\n        store {\n          domain\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestsAuditLog($id: ID!) {\n    auditLog(storeId: $id, last: 5) {\n      nodes {\n        action\n        actorName\n        targetName\n        details\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestsAuditLog($id: ID!) {\n    auditLog(storeId: $id, last: 5) {\n      nodes {\n        action\n        actorName\n        targetName\n        details\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SqlCountCollaborators($id: ID!, $n: Int!) {\n    store(id: $id) {\n      collaborators(first: $n) {\n        nodes {\n          user {\n            name\n            email\n          }\n          roles {\n            name\n            permissions {\n              handle\n            }\n          }\n          partnerOrganization {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SqlCountCollaborators($id: ID!, $n: Int!) {\n    store(id: $id) {\n      collaborators(first: $n) {\n        nodes {\n          user {\n            name\n            email\n          }\n          roles {\n            name\n            permissions {\n              handle\n            }\n          }\n          partnerOrganization {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation StartupDemoSignIn {\n        signIn(input: { email: \"olivia.hart@example.com\", password: \"latchkey-demo\" }) {\n          token\n          viewer {\n            name\n          }\n          userErrors {\n            code\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation StartupDemoSignIn {\n        signIn(input: { email: \"olivia.hart@example.com\", password: \"latchkey-demo\" }) {\n          token\n          viewer {\n            name\n          }\n          userErrors {\n            code\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscriptionsRequestReceived($storeId: ID!) {\n    collaboratorRequestReceived(storeId: $storeId) {\n      id\n      status\n      message\n      user {\n        name\n      }\n      store {\n        name\n      }\n      partnerOrganization {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SubscriptionsRequestReceived($storeId: ID!) {\n    collaboratorRequestReceived(storeId: $storeId) {\n      id\n      status\n      message\n      user {\n        name\n      }\n      store {\n        name\n      }\n      partnerOrganization {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionsViewerName {\n    viewer {\n      name\n    }\n  }\n"): (typeof documents)["\n  query SubscriptionsViewerName {\n    viewer {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        name\n        email\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        name\n        email\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorRequestCreate($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CollaboratorRequestCreate($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorRequestCreateWithRole($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n        autoGeneratedRole {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CollaboratorRequestCreateWithRole($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n        autoGeneratedRole {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorRequestAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CollaboratorRequestAccept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorRequestReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CollaboratorRequestReject($id: ID!) {\n    collaboratorRequestReject(id: $id) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorRequestWithdraw($id: ID!) {\n    collaboratorRequestWithdraw(id: $id) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CollaboratorRequestWithdraw($id: ID!) {\n    collaboratorRequestWithdraw(id: $id) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorRemove($id: ID!, $password: String!) {\n    collaboratorRemove(id: $id, password: $password) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CollaboratorRemove($id: ID!, $password: String!) {\n    collaboratorRemove(id: $id, password: $password) {\n      collaborator {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorRolesSet($id: ID!, $roleIds: [ID!]!) {\n    collaboratorRolesSet(id: $id, roleIds: $roleIds) {\n      collaborator {\n        id\n        status\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CollaboratorRolesSet($id: ID!, $roleIds: [ID!]!) {\n    collaboratorRolesSet(id: $id, roleIds: $roleIds) {\n      collaborator {\n        id\n        status\n        roles {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorRequestBlockLift($storeId: ID!, $partnerOrganizationId: ID!) {\n    collaboratorRequestBlockLift(storeId: $storeId, partnerOrganizationId: $partnerOrganizationId) {\n      store {\n        id\n      }\n      partnerOrganization {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CollaboratorRequestBlockLift($storeId: ID!, $partnerOrganizationId: ID!) {\n    collaboratorRequestBlockLift(storeId: $storeId, partnerOrganizationId: $partnerOrganizationId) {\n      store {\n        id\n      }\n      partnerOrganization {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleCreate($input: RoleCreateInput!) {\n    roleCreate(input: $input) {\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RoleCreate($input: RoleCreateInput!) {\n    roleCreate(input: $input) {\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RoleUpdate($id: ID!, $input: RoleUpdateInput!) {\n    roleUpdate(id: $id, input: $input) {\n      role {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleDelete($id: ID!) {\n    roleDelete(id: $id) {\n      deletedRoleId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RoleDelete($id: ID!) {\n    roleDelete(id: $id) {\n      deletedRoleId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreName($id: ID!) {\n    store(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StoreName($id: ID!) {\n    store(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n    }\n  }\n"): (typeof documents)["\n  query ExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      reasons\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      problem\n    }\n  }\n"): (typeof documents)["\n  query AuditLogVerify {\n    auditLogVerify {\n      valid\n      checkedCount\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoSidedExplain($u: ID!, $s: ID!, $p: String!) {\n    explainAccess(userId: $u, storeId: $s, permission: $p) {\n      allowed\n      reasons\n      via {\n        kind\n        partnerSetting\n      }\n    }\n  }\n"): (typeof documents)["\n  query TwoSidedExplain($u: ID!, $s: ID!, $p: String!) {\n    explainAccess(userId: $u, storeId: $s, permission: $p) {\n      allowed\n      reasons\n      via {\n        kind\n        partnerSetting\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TwoSidedMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {\n    partnerMemberUpdate(id: $id, input: $input) {\n      partnerMember {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TwoSidedMemberUpdate($id: ID!, $input: PartnerMemberUpdateInput!) {\n    partnerMemberUpdate(id: $id, input: $input) {\n      partnerMember {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TwoSidedStoreCreate($input: PartnerStoreCreateInput!) {\n    partnerStoreCreate(input: $input) {\n      store {\n        id\n        storeType\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TwoSidedStoreCreate($input: PartnerStoreCreateInput!) {\n    partnerStoreCreate(input: $input) {\n      store {\n        id\n        storeType\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoSidedCollaborators($id: ID!) {\n    store(id: $id) {\n      collaborators(first: 5) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TwoSidedCollaborators($id: ID!) {\n    store(id: $id) {\n      collaborators(first: 5) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoSidedCollaboratorEmails($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 10, status: $status) {\n        nodes {\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TwoSidedCollaboratorEmails($id: ID!, $status: CollaboratorStatus) {\n    store(id: $id) {\n      collaborators(first: 10, status: $status) {\n        nodes {\n          user {\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation TwoSidedManagedStoreRemove($p: ID!, $s: ID!) {\n      partnerManagedStoreRemove(partnerOrganizationId: $p, storeId: $s) {\n        removedStoreId\n        endedCount\n        userErrors {\n          code\n          field\n          message\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation TwoSidedManagedStoreRemove($p: ID!, $s: ID!) {\n      partnerManagedStoreRemove(partnerOrganizationId: $p, storeId: $s) {\n        removedStoreId\n        endedCount\n        userErrors {\n          code\n          field\n          message\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query TwoSidedLastAudit($id: ID!) {\n          auditLog(storeId: $id, last: 1) {\n            nodes {\n              action\n              actorName\n            }\n          }\n        }\n      "): (typeof documents)["\n        query TwoSidedLastAudit($id: ID!) {\n          auditLog(storeId: $id, last: 1) {\n            nodes {\n              action\n              actorName\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query TwoSidedStoreAccess {\n          viewer {\n            partnerMemberships {\n              storeAccess {\n                storeType\n                access\n                storeIds\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query TwoSidedStoreAccess {\n          viewer {\n            partnerMemberships {\n              storeAccess {\n                storeType\n                access\n                storeIds\n              }\n            }\n          }\n        }\n      "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;