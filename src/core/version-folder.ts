// Where a published version's files are: a module of its own, so the loader that fetches a version
// (questionnaire-loader.ts, in the start screen's chunk) does not bring versions.ts and the scoring
// it imports along with it.

/** Where a version's files are, inside the questionnaire's folder. */
export function versionFolder(version: string): string {
  return `versions/${version}`;
}
