import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const MIN_SECRET_LENGTH = 4;

/** The password of a user:password@ part of a URL, as written and decoded. */
function passwordsInUrl(url: string): string[] {
	try {
		const { password } = new URL(url);
		return [password, decodeURIComponent(password)];
	} catch {
		return [];
	}
}

/** The credential's values that must never be shown: the key, Custom Header values, a Base URL password. */
export function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const rows = (credentials.customHeaders as { values?: Array<{ value?: unknown }> } | undefined)?.values ?? [];
	const secrets = [String(credentials.apiKey ?? ''), ...rows.map((row) => String(row?.value ?? '')), ...passwordsInUrl(String(credentials.baseUrl ?? '').trim())];
	return secrets.map((secret) => secret.trim()).filter((secret) => secret.length >= MIN_SECRET_LENGTH);
}

/** The redacted form of a secret: `…[redacted]`, after the `sk-` an OpenAI-style key starts with. */
function maskOf(secret: string): string {
	return `${secret.startsWith('sk-') ? 'sk-' : ''}…[redacted]`;
}

export function redactText(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (result.includes(secret)) result = result.split(secret).join(maskOf(secret));
	}
	return result;
}

/** Error texts also lose any Bearer token a server echoes in a header dump, whatever key it is. */
export function redactErrorText(text: string, secrets: string[]): string {
	return redactText(text, secrets).replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]');
}

/** A copy of JSON data with every secret in its strings (keys included) redacted. */
export function redactValue<T>(value: T, secrets: string[], depth = 0): T {
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (!value || typeof value !== 'object' || depth > 32) return value;
	if (Array.isArray(value)) {
		let changed = false;
		const copy = value.map((entry) => {
			const redacted = redactValue(entry, secrets, depth + 1);
			if (redacted !== entry) changed = true;
			return redacted;
		});
		return (changed ? copy : value) as T;
	}
	if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return value;
	let changed = false;
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		const redactedKey = redactText(key, secrets);
		const redacted = redactValue(entry, secrets, depth + 1);
		if (redacted !== entry || redactedKey !== key) changed = true;
		copy[redactedKey] = redacted;
	}
	return (changed ? copy : value) as T;
}
