import { graphql } from '../../gql';

export const TablePreferencesQuery = graphql(`
  query TablePreferences($table: String!) {
    tablePreferences(table: $table) {
      table
      columns
      density
      updatedAt
    }
  }
`);

export const UpdateTablePreferencesMutation = graphql(`
  mutation UpdateTablePreferences($input: TablePreferencesInput!) {
    updateTablePreferences(input: $input) {
      preferences {
        table
        columns
        density
        updatedAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const SavedViewFields = graphql(`
  fragment SavedViewFields on SavedView {
    id
    table
    name
    filter {
      key
      value
    }
    sort {
      field
      direction
    }
    shared
    owner {
      id
      name
    }
    canEdit
  }
`);

export const SavedViewsQuery = graphql(`
  query SavedViews($table: String!) {
    savedViews(table: $table) {
      id
      ...SavedViewFields
    }
  }
`);

export const CreateSavedViewMutation = graphql(`
  mutation CreateSavedView($input: CreateSavedViewInput!) {
    createSavedView(input: $input) {
      savedView {
        id
        ...SavedViewFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const UpdateSavedViewMutation = graphql(`
  mutation UpdateSavedView($input: UpdateSavedViewInput!) {
    updateSavedView(input: $input) {
      savedView {
        id
        ...SavedViewFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const DeleteSavedViewMutation = graphql(`
  mutation DeleteSavedView($id: ID!) {
    deleteSavedView(id: $id) {
      deletedId
      errors {
        field
        code
        message
      }
    }
  }
`);
