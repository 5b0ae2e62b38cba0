import { describe, expect, it } from 'vitest'
import { parseFilter, validateFilter } from '../../../lib/validation'
import { buildFilter, splitIds } from './filter-builder'

describe('buildFilter', () => {
  it('is empty when nothing is chosen', () => {
    expect(buildFilter({ spaces: '', appId: '', reloadStatus: '' })).toBe('')
  })

  it('matches any of several spaces', () => {
    expect(buildFilter({ spaces: 'a1, b2 ;c3', appId: '', reloadStatus: '' })).toBe('spaceId eq "a1" or spaceId eq "b2" or spaceId eq "c3"')
  })

  it('matches one app', () => {
    expect(buildFilter({ spaces: '', appId: ' 7d1e ', reloadStatus: '' })).toBe('topLevelResourceId eq "7d1e"')
  })

  it('repeats the app and status for each space, since the grammar has no parentheses', () => {
    const text = buildFilter({ spaces: 's1 s2', appId: 'app', reloadStatus: 'error' })
    expect(text).toBe(
      'spaceId eq "s1" and topLevelResourceId eq "app" and data.status eq "error" or spaceId eq "s2" and topLevelResourceId eq "app" and data.status eq "error"',
    )
    expect(validateFilter(text, { eventTypes: ['com.qlik.v1.app.reload.finished'] })).toBeNull()
  })

  it('quotes values so that any id survives a round trip', () => {
    const text = buildFilter({ spaces: 'we"ird', appId: '', reloadStatus: '' })
    const parsed = parseFilter(text)
    expect(parsed.ok && parsed.filter.anyOf[0]![0]!.value).toBe('we"ird')
  })
})

describe('splitIds', () => {
  it('drops blanks and repeats', () => {
    expect(splitIds(' a, ,b\na ')).toEqual(['a', 'b'])
  })
})
