// Qlik's documented limits (webhooks-api.md §4.1, §6; the `limit` of every
// list). They live here, in lib, because the URL and header validators in
// lib/validation count them and lib may not import api; src/api re-exports
// this very object as its LIMITS, so validation, the client and the mock all
// read one set of numbers.

export const LIMITS = {
  name: 512,
  url: 2048,
  description: 1024,
  secretMin: 32,
  secretMax: 64,
  headerBytes: 2048,
  pageMin: 1,
  pageMax: 100,
} as const
