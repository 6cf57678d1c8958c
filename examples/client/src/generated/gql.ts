/* eslint-disable */
import * as types from './graphql';



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
    "\n  fragment Problems on UserError {\n    code\n    field\n    message\n  }\n": typeof types.ProblemsFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        name\n        email\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RequestAccess($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n        store {\n          name\n          domain\n        }\n        requestedPermissions {\n          handle\n        }\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n": typeof types.RequestAccessDocument,
    "\n  query AcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAcceptPreview(id: $id, input: $input) {\n      collaborator {\n        user {\n          id\n          name\n        }\n        store {\n          id\n          name\n        }\n      }\n      roles {\n        name\n        permissions {\n          handle\n        }\n      }\n      permissions {\n        handle\n      }\n      sensitivePermissions {\n        handle\n      }\n      beyondRequested {\n        handle\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n": typeof types.AcceptPreviewDocument,
    "\n  mutation Accept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        status\n        acceptedAt\n        roles {\n          name\n        }\n        permissions {\n          handle\n        }\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n": typeof types.AcceptDocument,
    "\n  query ExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      via {\n        kind\n        reason\n        role {\n          name\n        }\n      }\n    }\n  }\n": typeof types.ExplainAccessDocument,
    "\n  query AuditTrail($storeId: ID!, $after: String) {\n    auditLog(storeId: $storeId, first: 50, after: $after) {\n      nodes {\n        createdAt\n        action\n        actorName\n        targetType\n        targetName\n        details\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditTrailDocument,
};
const documents: Documents = {
    "\n  fragment Problems on UserError {\n    code\n    field\n    message\n  }\n": types.ProblemsFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        name\n        email\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RequestAccess($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n        store {\n          name\n          domain\n        }\n        requestedPermissions {\n          handle\n        }\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n": types.RequestAccessDocument,
    "\n  query AcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAcceptPreview(id: $id, input: $input) {\n      collaborator {\n        user {\n          id\n          name\n        }\n        store {\n          id\n          name\n        }\n      }\n      roles {\n        name\n        permissions {\n          handle\n        }\n      }\n      permissions {\n        handle\n      }\n      sensitivePermissions {\n        handle\n      }\n      beyondRequested {\n        handle\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n": types.AcceptPreviewDocument,
    "\n  mutation Accept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        status\n        acceptedAt\n        roles {\n          name\n        }\n        permissions {\n          handle\n        }\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n": types.AcceptDocument,
    "\n  query ExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      via {\n        kind\n        reason\n        role {\n          name\n        }\n      }\n    }\n  }\n": types.ExplainAccessDocument,
    "\n  query AuditTrail($storeId: ID!, $after: String) {\n    auditLog(storeId: $storeId, first: 50, after: $after) {\n      nodes {\n        createdAt\n        action\n        actorName\n        targetType\n        targetName\n        details\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditTrailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Problems on UserError {\n    code\n    field\n    message\n  }\n"): typeof import('./graphql').ProblemsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      viewer {\n        id\n        name\n        email\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestAccess($input: CollaboratorRequestCreateInput!) {\n    collaboratorRequestCreate(input: $input) {\n      collaborator {\n        id\n        status\n        store {\n          name\n          domain\n        }\n        requestedPermissions {\n          handle\n        }\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n"): typeof import('./graphql').RequestAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AcceptPreview($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAcceptPreview(id: $id, input: $input) {\n      collaborator {\n        user {\n          id\n          name\n        }\n        store {\n          id\n          name\n        }\n      }\n      roles {\n        name\n        permissions {\n          handle\n        }\n      }\n      permissions {\n        handle\n      }\n      sensitivePermissions {\n        handle\n      }\n      beyondRequested {\n        handle\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Accept($id: ID!, $input: CollaboratorRequestAcceptInput) {\n    collaboratorRequestAccept(id: $id, input: $input) {\n      collaborator {\n        status\n        acceptedAt\n        roles {\n          name\n        }\n        permissions {\n          handle\n        }\n      }\n      userErrors {\n        ...Problems\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainAccess($userId: ID!, $storeId: ID!, $permission: String!) {\n    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {\n      allowed\n      via {\n        kind\n        reason\n        role {\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExplainAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTrail($storeId: ID!, $after: String) {\n    auditLog(storeId: $storeId, first: 50, after: $after) {\n      nodes {\n        createdAt\n        action\n        actorName\n        targetType\n        targetName\n        details\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').AuditTrailDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
