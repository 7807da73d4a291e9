// The database's name and version, apart from its layout (schema.ts), so the probe in the start
// screen's chunk (probe.ts) knows them without bringing the stores along.
export const DB_NAME = 'reperes';
export const DB_VERSION = 3;
