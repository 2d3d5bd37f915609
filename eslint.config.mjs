import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Boundaries between packages are the architecture: the domain stays pure (fp-ts and io-ts
// only), projections build on the domain, the event store port on the domain, adapters on the
// port, the views kept from a store on projections and the port, the store opener on the port and
// the adapters, apps on anything, and nobody reaches past another package's src/index.ts.
const deepImports = {
  group: ['@coachline/*/src', '@coachline/*/src/**', '**/packages/*/src/**', '**/apps/*/src/**'],
  message: "Import another package only through its entry point ('@coachline/<name>' or '@coachline/<name>/testing').",
};
const nodeBuiltins = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'os', 'child_process', 'net', 'http', 'https', 'process', 'timers'],
  message: 'The domain is pure: no I/O, no clock, no randomness. Take what you need as an argument.',
};

const depConstraints = [
  {
    sourceTag: 'scope:domain',
    onlyDependOnLibsWithTags: ['scope:domain'],
    allowedExternalImports: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*'],
  },
  { sourceTag: 'scope:projections', onlyDependOnLibsWithTags: ['scope:domain'] },
  { sourceTag: 'scope:eventstore', onlyDependOnLibsWithTags: ['scope:domain'] },
  { sourceTag: 'scope:adapter', onlyDependOnLibsWithTags: ['scope:domain', 'scope:eventstore'] },
  { sourceTag: 'scope:views', onlyDependOnLibsWithTags: ['scope:domain', 'scope:projections', 'scope:eventstore'] },
  { sourceTag: 'scope:opener', onlyDependOnLibsWithTags: ['scope:domain', 'scope:eventstore', 'scope:adapter'] },
  { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
];
const moduleBoundaries = (constraints) => ({
  enforceBuildableLibDependency: false,
  allow: [],
  banTransitiveDependencies: false,
  depConstraints: constraints,
});
// The views' crash test runs the runner against the PostgreSQL adapter: its specs alone may use an adapter.
const viewSpecConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'scope:views'
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:adapter'] }
    : constraint,
);

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', '.nx/**', '**/*.cjs', '**/*.mjs', 'apps/*/bin/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(depConstraints)],
      'no-restricted-imports': ['error', { patterns: [deepImports] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/views/src/**/*.spec.ts', 'packages/views/src/rebuild-crash/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries(viewSpecConstraints)] },
  },
  {
    files: ['packages/domain/src/**/*.ts', 'packages/projections/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepImports, nodeBuiltins] }],
      'no-restricted-globals': [
        'error',
        ...['process', 'setTimeout', 'setInterval', 'fetch', 'crypto', 'performance', 'console'].map((name) => ({
          name,
          message: 'The domain is pure: no I/O, no clock, no randomness, no environment.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No clock in the domain: take the time as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in the domain: take the time as an argument.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'No clock in the domain: take the time as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'No randomness in the domain: take ids as arguments.',
        },
      ],
    },
  },
  {
    // The examples are written as an embedding application writes them: through the entry point.
    files: ['packages/domain/examples/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Specs and test helpers may use the test-only toolkit; the shipped domain code may not.
    files: [
      'packages/domain/src/**/*.spec.ts',
      'packages/domain/src/testing.ts',
      'packages/domain/src/testing/**/*.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': 'off',
    },
  },
  {
    // These testing entries run under whatever test runner an application uses: they throw their
    // own assertion errors instead of reaching for a runner's globals.
    files: ['packages/{domain,projections}/src/testing.ts', 'packages/{domain,projections}/src/testing/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['expect', 'describe', 'it', 'test', 'jest', 'vi', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach'].map(
          (name) => ({
            name,
            message:
              'Testing entries work under any test runner: throw an AssertionError instead of using its globals.',
          }),
        ),
      ],
    },
  },
);
