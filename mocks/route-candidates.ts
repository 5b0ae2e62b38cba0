import { HttpHandler, type RequestHandler } from 'msw'

/**
 * msw tries handlers one by one, and each try matches the path and reads the
 * request's cookies again: in the browser, a request that matches the
 * twentieth route pays twenty times. This keeps, before msw is asked, only the
 * handlers that can answer: the same method, and a path of as many segments
 * with the same fixed ones. msw then matches (and reads the parameters) as
 * ever; anything this cannot tell about is kept.
 */
export function routeCandidates(handlers: readonly RequestHandler[]): (request: Request) => RequestHandler[] {
  const routes = handlers.map((handler) => ({ handler, ...shapeOf(handler) }))
  return (request) => {
    const method = request.method.toUpperCase()
    const segments = pathSegments(new URL(request.url).pathname)
    return routes
      .filter(
        (route) =>
          (route.method === undefined || route.method === method) && (route.segments === undefined || fits(route.segments, segments)),
      )
      .map((route) => route.handler)
  }
}

function shapeOf(handler: RequestHandler): { method?: string; segments?: string[] } {
  if (!(handler instanceof HttpHandler)) return {}
  const { method, path } = handler.info
  return {
    ...(typeof method === 'string' ? { method: method.toUpperCase() } : {}),
    // Only "*/a/:b/c": an origin wildcard, then fixed segments and parameters.
    ...(typeof path === 'string' && /^\*\/[^*?()+{}]*$/.test(path) ? { segments: pathSegments(path.slice(1)) } : {}),
  }
}

/** msw matches case-insensitively, decoded, with or without a trailing slash. */
function pathSegments(pathname: string): string[] {
  return pathname
    .replace(/\/$/, '')
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).toLowerCase()
      } catch {
        return segment.toLowerCase()
      }
    })
}

const fits = (route: string[], path: string[]) =>
  route.length === path.length && route.every((segment, i) => segment.startsWith(':') || segment === path[i])
