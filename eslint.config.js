import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Imports flow one way: lib, api, components -> features -> app (design.md).
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
})
const dirRegex = (dir) => `^\\.{1,2}/(\\.\\./)*${dir}(/|$)`
const noMocks = [[dirRegex('mocks'), 'src/ never imports mocks/: the mock is loaded only in mock mode, from main.tsx.']]
const layer = (from, ...forbidden) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  ignores: ['src/**/*.test.{ts,tsx}'],
  rules: restrict(
    ...forbidden.map((dir) => [
      dirRegex(dir),
      `src/${from} must not import src/${dir} (imports flow lib, api, components -> features -> app).`,
    ]),
    ...noMocks,
  ),
})

export default tseslint.config(
  { ignores: ['dist', 'dist-tenant', '.out', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  { files: ['scripts/**/*.mjs', '*.js'], languageOptions: { globals: globals.node } },
  // The bench's page probes are functions that Playwright runs in the browser.
  { files: ['scripts/bench-runtime.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.strict },
  layer('lib', 'api', 'components', 'features', 'app'),
  layer('api', 'components', 'features', 'app'),
  layer('components', 'api', 'features', 'app'),
  // Features do not reach into each other's internals: only through an index.
  ...['webhooks', 'deliveries'].map((feature) => {
    const { files, ignores, rules } = layer(`features/${feature}`, 'app')
    const others = ['webhooks', 'deliveries'].filter((f) => f !== feature)
    const patterns = rules['no-restricted-imports'][1].patterns
    for (const other of others) {
      patterns.push({ regex: `^\\.\\./${other}/(?!index$).+`, message: 'Import another feature only through its index.' })
    }
    return { files, ignores, rules }
  }),
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: restrict(...noMocks),
  },
)
