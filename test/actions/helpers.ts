/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/** What the action tests share: the Extra Query Parameters option as n8n stores it, and a file's bytes out. */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

/** The Options collection's Extra Query Parameters, as the editor saves one entry. */
export const extraQuery = { parameter: [{ name: 'api-version', value: 'preview' }] };

/** The query that entry puts on the wire. */
export const EXTRA_QUERY_SENT = { 'api-version': 'preview' };

/** The bytes of a binary output, read back from n8n's binary data store. */
export async function bytesOf(binary: IBinaryData): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}
