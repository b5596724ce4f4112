// Moved to src/shared/time/zone.ts, where the server and the client's page use it too.
export * from '../../../shared/time/zone.js';
