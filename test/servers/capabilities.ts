/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/** Typed access to fake-api/capabilities.cjs (the README's server table) and the profile names. */
import type { FakeApiProfile } from '../harness/fake-api';

export type Column = 'create' | 'get' | 'list' | 'delete' | 'remix';

export type ServerRow = Record<'server' | 'base' | Column, string> & { profiles: FakeApiProfile[] };

const capabilities = require('../../fake-api/capabilities.cjs') as {
	SERVER_TABLE: ServerRow[];
	CLAIMED_COLUMNS: Column[];
	claimOf(text: string): 'yes' | 'error' | undefined;
	renderTable(rows?: ServerRow[]): string;
};
const profiles = require('../../fake-api/profiles.cjs') as { PROFILE_NAMES: FakeApiProfile[] };

export const { SERVER_TABLE, CLAIMED_COLUMNS, claimOf, renderTable } = capabilities;
export const { PROFILE_NAMES } = profiles;
