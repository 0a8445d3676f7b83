import { graphql } from '../../gql';

export const ImportFieldsFragment = graphql(`
  fragment ImportDetail_import on Import {
    id
    kind
    status
    fileName
    sizeBytes
    rowCount
    processedRows
    progress
    failure
    updateExisting
    errorReportPath
    startedAt
    finishedAt
    createdAt
    owningTeam {
      id
      name
    }
    createdBy {
      id
      name
    }
    columns {
      index
      header
      samples
      field
    }
    fields {
      field
      label
      required
      hint
    }
    checked {
      rows
      create
      update
      unchanged
      reject
    }
    counts {
      rows
      create
      update
      unchanged
      reject
    }
  }
`);

export const ImportQuery = graphql(`
  query ImportDetail($id: ID!) {
    import(id: $id) {
      ...ImportDetail_import @unmask
    }
  }
`);

export const ImportRowsQuery = graphql(`
  query ImportRows($id: ID!, $phase: ImportPhase, $outcome: ImportRowOutcome, $first: Int!, $after: String) {
    import(id: $id) {
      id
      rows(phase: $phase, outcome: $outcome, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            rowNumber
            outcome
            recordId
            cells
            errors {
              field
              column
              code
              message
            }
          }
        }
      }
    }
  }
`);

export const ImportsListQuery = graphql(`
  query ImportsList($first: Int!, $after: String) {
    imports(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
          status
          fileName
          rowCount
          createdAt
          createdBy {
            id
            name
          }
          counts {
            create
            update
            reject
          }
        }
      }
    }
  }
`);

export const SetImportMappingMutation = graphql(`
  mutation SetImportMapping($input: SetImportMappingInput!) {
    setImportMapping(input: $input) {
      import {
        ...ImportDetail_import @unmask
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const CheckImportMutation = graphql(`
  mutation CheckImport($id: ID!) {
    checkImport(id: $id) {
      import {
        ...ImportDetail_import @unmask
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const RunImportMutation = graphql(`
  mutation RunImport($id: ID!) {
    runImport(id: $id) {
      import {
        ...ImportDetail_import @unmask
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
