/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** SHA-256 (hex) of public/settings.json as the build checked it (set by scripts/vite-questionnaires.ts). */
  readonly REPERES_SETTINGS_SHA256?: string;
}
