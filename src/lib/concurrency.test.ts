import { describe, expect, it } from 'vitest'
import { createLimiter } from './concurrency'

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}
const tick = () => new Promise((r) => setTimeout(r, 0))

describe('createLimiter', () => {
  it('runs at most max tasks at once, the rest in order as others finish', async () => {
    const run = createLimiter(2)
    const gates = Array.from({ length: 5 }, deferred)
    const started: number[] = []
    const results = gates.map((gate, i) =>
      run(async () => {
        started.push(i)
        await gate.promise
        return i
      }),
    )
    await tick()
    expect(started).toEqual([0, 1])
    gates[1]!.resolve()
    await tick()
    expect(started).toEqual([0, 1, 2])
    gates.forEach((gate) => gate.resolve())
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4])
    expect(started).toEqual([0, 1, 2, 3, 4])
  })

  it('a failed task frees its place, and a waiting task whose signal aborts never runs', async () => {
    const run = createLimiter(1)
    const gate = deferred()
    const first = run(async () => {
      await gate.promise
      throw new Error('boom')
    })
    const controller = new AbortController()
    let ran = false
    const second = run(async () => {
      ran = true
    }, controller.signal)
    const third = run(async () => 'third')
    controller.abort(new Error('not wanted'))
    gate.resolve()
    await expect(first).rejects.toThrow('boom')
    await expect(second).rejects.toThrow('not wanted')
    expect(await third).toBe('third')
    expect(ran).toBe(false)
  })
})
