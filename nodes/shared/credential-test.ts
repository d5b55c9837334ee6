/**
 * The test of the OpenAI Videos credential (n8n's "Retry"/"Test" in the credential dialog), used by
 * both nodes through `testedBy: 'openAiVideosApiTest'` and `methods.credentialTest`.
 *
 * One fixed request cannot prove a key on every server that carries the Videos API: LiteLLM lists
 * videos only with a `custom_llm_provider`, New API has no list at all. So the test asks, in order:
 *   1. GET /videos?limit=1  the Videos API itself (OpenAI, Azure, vLLM-Omni, SGLang, Aquiles, and
 *                           LiteLLM when the credential's Query Parameters name the provider)
 *   2. GET /models          what the other gateways serve (LiteLLM, New API), only when the list is
 *                           missing (404, 405) or unusable here (400, 422)
 * with the credential's headers and query parameters, never following a redirect (the key stays on
 * the Base URL's origin), not verifying the certificate when Ignore SSL Issues is on. A 2xx with a JSON list passes; 401/403 is a wrong key; anything else fails
 * with the server's own words, the API key and Custom Header values redacted.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { baseUrlOf, credentialHeadersOf, credentialQueryOf } from './credential';
import { serverMessageOf } from './transport/error-body';
import { certificateProblemOf, IGNORE_SSL_ISSUES_HINT } from './transport/errors';
import { redactErrorText, secretsOf } from './transport/redact';

interface Probe {
	path: string;
	qs: IDataObject;
}

const PROBES: Probe[] = [
	{ path: '/videos', qs: { limit: 1 } },
	{ path: '/models', qs: {} },
];

/**
 * Statuses that say "no usable route here", not "wrong key": both probes are collections, so a
 * 404 (whatever its body) or 405 means the route is missing; a 400/422 that the list needs more.
 */
const TRY_NEXT = new Set([400, 404, 405, 422]);

interface Answer {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

interface Outcome {
	result?: INodeCredentialTestResult;
	/** Why the probe did not decide, when the next one should be asked. */
	skipped?: string;
}

const fail = (message: string): Outcome => ({ result: { status: 'Error', message } });

function serverText(answer: Answer): string {
	const { message } = serverMessageOf(answer.body);
	return (message ?? `HTTP ${answer.statusCode}`).replace(/\s+/g, ' ').trim().slice(0, 300);
}

function judge(probe: Probe, answer: Answer, baseUrl: string): Outcome {
	const { statusCode: status } = answer;
	const endpoint = `GET ${probe.path}`;
	if (status >= 200 && status < 300) {
		const body = answer.body as IDataObject | undefined;
		if (body && typeof body === 'object' && Array.isArray(body.data)) return { result: { status: 'OK', message: 'Connection successful' } };
		return fail(
			`The server answered ${endpoint} with something that is not the API's list (${String(answer.headers['content-type'] ?? 'no content type')}): check that the Base URL is where /videos starts, e.g. https://api.openai.com/v1 (now ${baseUrl})`,
		);
	}
	if (status === 401 || status === 403) return fail(`The server rejected the API key (${status}): ${serverText(answer)}`);
	if (status >= 300 && status < 400) {
		const location = String(answer.headers.location ?? '');
		return fail(
			`The server answered ${endpoint} with a redirect (${status}) to ${location.slice(0, 200) || 'nowhere'}; the key is only sent to the Base URL's server, so set the Base URL to where the server lives`,
		);
	}
	if (TRY_NEXT.has(status)) return { skipped: `${endpoint}: ${status} ${serverText(answer)}` };
	return fail(`${endpoint} failed (${status}): ${serverText(answer)}`);
}

async function ask(context: ICredentialTestFunctions, data: ICredentialDataDecryptedObject, probe: Probe, timeoutMs: number): Promise<Answer> {
	// The credential-test context of n8n offers only this helper (no httpRequest).
	const { request } = context.helpers;
	return (await request({
		method: 'GET',
		uri: `${baseUrlOf(data)}${probe.path}`,
		qs: { ...credentialQueryOf(data), ...probe.qs },
		headers: { Accept: 'application/json', ...credentialHeadersOf(data) },
		json: true,
		simple: false,
		resolveWithFullResponse: true,
		followRedirect: false,
		timeout: timeoutMs,
		// Ignore SSL Issues: redirects are never followed here, so it concerns the Base URL's server only.
		...(data.allowUnauthorizedCerts === true ? { rejectUnauthorized: false } : {}),
	})) as Answer;
}

async function runProbes(context: ICredentialTestFunctions, data: ICredentialDataDecryptedObject, timeoutMs: number): Promise<INodeCredentialTestResult> {
	let baseUrl: string;
	try {
		baseUrl = baseUrlOf(data);
		credentialHeadersOf(data);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	const skipped: string[] = [];
	for (const probe of PROBES) {
		let answer: Answer;
		try {
			answer = await ask(context, data, probe, timeoutMs);
		} catch (error) {
			const certificate = certificateProblemOf(error);
			if (certificate) {
				return { status: 'Error', message: `The certificate of ${new URL(baseUrl).origin} could not be verified (${certificate}). ${IGNORE_SSL_ISSUES_HINT}` };
			}
			const { code, message } = error as { code?: string; message?: string };
			return { status: 'Error', message: `Could not reach ${baseUrl}${probe.path}: ${code ?? message ?? 'no answer'}` };
		}
		const { result, skipped: reason } = judge(probe, answer, baseUrl);
		if (result) return result;
		skipped.push(reason!);
	}
	return {
		status: 'Error',
		message: `The server at ${baseUrl} offers neither GET /videos nor GET /models here (${skipped.join('; ')}). Check the Base URL: it is where /videos starts, e.g. https://api.openai.com/v1.`,
	};
}

/** A credential test function; `timeoutMs` bounds each of its requests. */
export function makeCredentialTest({ timeoutMs }: { timeoutMs: number }) {
	return async function (this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		const data = credential.data ?? {};
		const result = await runProbes(this, data, timeoutMs);
		return { ...result, message: redactErrorText(result.message, secretsOf(data)) };
	};
}

/** The test both nodes name in `testedBy`; each request has 15 s. */
export const openAiVideosApiTest = makeCredentialTest({ timeoutMs: 15_000 });
