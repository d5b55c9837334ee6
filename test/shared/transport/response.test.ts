/** Reading headers: retry-after in its three spellings. Pure, no servers. */
import { headerValue, retryAfterMsOf } from '../../../nodes/shared/transport/response';

describe('retryAfterMsOf', () => {
	test('retry-after-ms wins, then retry-after in seconds or as an HTTP date', () => {
		expect(retryAfterMsOf({ 'retry-after-ms': '1500', 'retry-after': '20' })).toBe(1500);
		expect(retryAfterMsOf({ 'retry-after': '20' })).toBe(20_000);
		expect(retryAfterMsOf({ 'retry-after': '0.5' })).toBe(500);
		const inTen = new Date(Date.now() + 10_000).toUTCString();
		expect(retryAfterMsOf({ 'retry-after': inTen })).toBeGreaterThan(8_000);
		expect(retryAfterMsOf({ 'retry-after': 'Thu, 01 Jan 1970 00:00:00 GMT' })).toBe(0);
	});

	test('nonsense and negatives are no hint', () => {
		expect(retryAfterMsOf({ 'retry-after': 'soon' })).toBeUndefined();
		expect(retryAfterMsOf({ 'retry-after-ms': '-5' })).toBeUndefined();
		expect(retryAfterMsOf({})).toBeUndefined();
		expect(retryAfterMsOf(undefined)).toBeUndefined();
	});
});

test('headerValue takes the first of repeated headers', () => {
	expect(headerValue({ location: ['a', 'b'] }, 'Location')).toBe('a');
	expect(headerValue({ 'content-type': 'video/mp4' }, 'content-type')).toBe('video/mp4');
	expect(headerValue({}, 'x')).toBeUndefined();
});
