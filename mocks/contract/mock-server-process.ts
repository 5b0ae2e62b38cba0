import { spawn, type ChildProcess } from 'node:child_process'

const root = new URL('../..', import.meta.url).pathname

/** Starts scripts/mock-server.mjs on a free port and resolves with it and the URL it prints once it listens. */
export function startMockServerProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/mock-server.mjs'], {
    cwd: root,
    env: { ...process.env, MOCK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /Mock Qlik tenant on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (url) resolve({ child, url })
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.once('exit', (code) => reject(new Error(`mock:server exited with ${code}: ${output}`)))
  })
}

/** Stops it: SIGTERM, then SIGKILL after 5 s, since a server stuck in a loop never runs its SIGTERM handler. */
export async function stopMockServerProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const stuck = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(stuck)
}
