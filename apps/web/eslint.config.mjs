import nx from '@nx/eslint-plugin';
import root from '../../eslint.config.mjs';

// The repository's rules, and the same for the pages written in TSX: another package only
// through its entry point, and unused names only when they say so with a leading underscore.
export default [
  ...root,
  {
    files: ['**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@coachline/*/src', '@coachline/*/src/**', '**/packages/*/src/**', '**/apps/*/src/**'],
              message: "Import another package only through its entry point ('@coachline/<name>').",
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
