/** Typed access to test/fake-api/capabilities.cjs (the README's server table) and the profile names. */
import type { FakeApiProfile } from '../harness/fake-api';

export type Column = 'create' | 'get' | 'list' | 'delete' | 'remix';

export type ServerRow = Record<'server' | 'base' | Column, string> & { profiles: FakeApiProfile[] };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const capabilities = require('../fake-api/capabilities.cjs') as {
	SERVER_TABLE: ServerRow[];
	CLAIMED_COLUMNS: Column[];
	claimOf(text: string): 'yes' | 'error' | undefined;
	renderTable(rows?: ServerRow[]): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const profiles = require('../fake-api/profiles.cjs') as { PROFILE_NAMES: FakeApiProfile[] };

export const { SERVER_TABLE, CLAIMED_COLUMNS, claimOf, renderTable } = capabilities;
export const { PROFILE_NAMES } = profiles;
