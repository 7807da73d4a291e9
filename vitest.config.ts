import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'core', environment: 'node', include: ['tests/core/**/*.test.ts', 'tests/questionnaires/**/*.test.ts', 'tests/scripts/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'ui', environment: 'jsdom', include: ['tests/ui/**/*.test.{ts,tsx}', 'tests/storage/**/*.test.ts', 'tests/i18n/**/*.test.ts'] },
      },
    ],
  },
});
