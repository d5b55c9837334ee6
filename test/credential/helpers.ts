/** Credential fields as n8n stores them (fixedCollection rows), and the checks the tests share. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

type Pairs = Record<string, string>;

const rows = (pairs: Pairs) => ({ values: Object.entries(pairs).map(([name, value]) => ({ name, value })) });

/** The credential's Query Parameters field holding these pairs. */
export const queryParameters = (pairs: Pairs): ICredentialDataDecryptedObject => ({ queryParameters: rows(pairs) });

/** The credential's Custom Headers field holding these pairs. */
export const customHeaders = (pairs: Pairs): ICredentialDataDecryptedObject => ({ customHeaders: rows(pairs) });

/** Base URLs that cannot work, with what the message must say about them. */
export const BAD_BASE_URLS: Array<[string, RegExp]> = [
	['ftp://127.0.0.1/v1', /Base URL "ftp:\/\/127\.0\.0\.1\/v1" uses ftp: only http and https/],
	['ftp://user:hunter22@127.0.0.1/v1', /Base URL "ftp:\/\/…@127\.0\.0\.1\/v1" uses ftp: only http and https/],
	['file:///etc/passwd', /Base URL "file:\/\/\/etc\/passwd" uses file: only http and https/],
	['api.openai.com/v1', /Base URL "api\.openai\.com\/v1" is not a URL/],
	['   ', /Base URL is empty/],
];
