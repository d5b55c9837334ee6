/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Issue 19, point 1: the credential's identity, which the rate-limit gate is keyed by beside the
 * origin: a digest of the key and the headers that name an account, never the key itself.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialIdentityOf } from '../../nodes/shared/credential';
import { customHeaders, queryParameters } from './helpers';

const KEY = 'sk-identity-4Rf8Tq2Zx7Lm1Np6';
const base: ICredentialDataDecryptedObject = {
	apiKey: KEY,
	baseUrl: 'https://gateway.example.com/v1',
	authHeader: 'bearer',
	organizationId: 'org-1',
	projectId: 'proj-1',
	...customHeaders({ 'X-Tenant': 'blue', 'X-Route': 'eu' }),
};
const identity = (extra: ICredentialDataDecryptedObject = {}) => credentialIdentityOf({ ...base, ...extra });

test('is a digest: fixed length, hex, and holds no part of the key or of a header value', () => {
	const digest = identity();

	expect(digest).toMatch(/^[0-9a-f]{64}$/);
	for (let start = 0; start + 6 <= KEY.length; start++) expect(digest).not.toContain(KEY.slice(start, start + 6).toLowerCase());
	expect(digest).not.toContain('blue');
});

test.each<[string, ICredentialDataDecryptedObject]>([
	['another key', { apiKey: 'sk-identity-other' }],
	['another organization', { organizationId: 'org-2' }],
	['no organization', { organizationId: '' }],
	['another project', { projectId: 'proj-2' }],
	['another Custom Header value', customHeaders({ 'X-Tenant': 'green', 'X-Route': 'eu' })],
	['one Custom Header more', customHeaders({ 'X-Tenant': 'blue', 'X-Route': 'eu', 'X-Team': 'a' })],
])('differs with %s', (_name, extra) => {
	expect(identity(extra)).not.toBe(identity());
});

test.each<[string, ICredentialDataDecryptedObject]>([
	['the Base URL written with a trailing slash', { baseUrl: 'https://gateway.example.com/v1/' }],
	['Query Parameters (they name no account)', queryParameters({ 'api-version': '2025-04-01' })],
	['Ignore SSL Issues on', { allowUnauthorizedCerts: true }],
	['header names in other case and order', customHeaders({ 'x-route': 'eu', 'x-tenant': 'blue' })],
])('stays the same with %s', (_name, extra) => {
	expect(identity(extra)).toBe(identity());
});
