import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { questionnairesPlugin } from './scripts/vite-questionnaires.ts';

export default defineConfig({
  // Relative base: the static build works from any folder of any host.
  base: './',
  plugins: [
    preact(),
    questionnairesPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,json,svg,png,webmanifest,txt}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
