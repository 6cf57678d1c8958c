// The operations the example sends. Each `graphql(...)` text is a literal: GraphQL Code Generator
// reads it from this file (`npm run example:codegen`) and gives it its result and variables types.
import { graphql } from "./generated";

// Every mutation answers `userErrors` when it changed nothing: branch on `code`, show `message`.
graphql(`
  fragment Problems on UserError {
    code
    field
    message
  }
`);

export const SIGN_IN = graphql(`
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
`);

export const REQUEST_ACCESS = graphql(`
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
`);

export const ACCEPT_PREVIEW = graphql(`
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
`);

export const ACCEPT = graphql(`
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
`);

export const EXPLAIN_ACCESS = graphql(`
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
`);

export const AUDIT_TRAIL = graphql(`
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
`);
