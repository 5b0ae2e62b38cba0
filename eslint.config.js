import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import path from 'node:path'
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

const featureOf = (file) => /(?:^|\/)src\/features\/([^/]+)\//.exec(file.split(path.sep).join('/'))?.[1]

// Resolves each relative import against the importing file, so that depth does
// not matter: src/features/webhooks/form/x.ts importing ../../deliveries/y is caught.
const featureBoundary = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      cross: 'src/features/{{from}} must not import src/features/{{to}}: a feature never imports another; compose them in src/app.',
    },
  },
  create(context) {
    const from = featureOf(context.filename)
    if (!from) return {}
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return
      const to = featureOf(`${path.resolve(path.dirname(context.filename), source.value)}/`)
      if (to && to !== from) context.report({ node: source, messageId: 'cross', data: { from, to } })
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    }
  },
}

export default tseslint.config(
  { ignores: ['dist', 'dist-tenant', '.out', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  { files: ['scripts/**/*.mjs', '*.js'], languageOptions: { globals: globals.node } },
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
  layer('lib', 'api', 'components', 'wording', 'features', 'app'),
  layer('api', 'components', 'wording', 'features', 'app'),
  layer('components', 'api', 'wording', 'features', 'app'),
  // Screen wording that reads api types (error sentences, a webhook's name), shared by every feature and the app.
  layer('wording', 'components', 'features', 'app'),
  layer('features', 'app'),
  // A feature never imports another feature, at any depth and by any route
  // (static, re-export or lazy import()): src/app composes them.
  {
    files: ['src/features/**/*.{ts,tsx}'],
    plugins: { house: { rules: { 'feature-boundary': featureBoundary } } },
    rules: { 'house/feature-boundary': 'error' },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: restrict(...noMocks),
  },
)
