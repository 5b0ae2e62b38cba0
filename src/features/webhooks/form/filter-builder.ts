import { formatFilter, type FilterComparison } from '../../../lib/validation'

export type FilterBuilderInput = {
  /** Space ids, separated by commas, semicolons or white space. */
  spaces: string
  appId: string
  /** Empty for any status. */
  reloadStatus: '' | 'ok' | 'error'
}

export const splitIds = (text: string) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))]

/**
 * Writes the common cases as one filter: any of these spaces, and this app,
 * and this reload status. The grammar has no parentheses and "and" binds
 * tighter than "or", so the shared conditions are repeated for each space.
 */
export function buildFilter(input: FilterBuilderInput): string {
  const shared: FilterComparison[] = []
  const appId = input.appId.trim()
  if (appId) shared.push({ attribute: 'topLevelResourceId', operator: 'eq', value: appId, position: 0 })
  if (input.reloadStatus) shared.push({ attribute: 'data.status', operator: 'eq', value: input.reloadStatus, position: 0 })
  const spaces = splitIds(input.spaces)
  const anyOf = spaces.length
    ? spaces.map((space): FilterComparison[] => [{ attribute: 'spaceId', operator: 'eq', value: space, position: 0 }, ...shared])
    : shared.length
      ? [shared]
      : []
  return formatFilter({ anyOf })
}
