/** File kinds told by their first bytes, whatever MIME type the binary claims. */
export type MediaKind = 'image' | 'video';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
	return signature.every((byte, index) => bytes[offset + index] === byte);
}

const ASCII = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The image types the API takes: PNG, JPEG, WebP. */
export function imageTypeOf(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | undefined {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, ASCII('RIFF')) && startsWith(bytes, ASCII('WEBP'), 8)) return 'image/webp';
	return undefined;
}

/** An MP4 (ISO base media) file: an `ftyp` box first. */
export function isMp4(bytes: Uint8Array): boolean {
	return startsWith(bytes, ASCII('ftyp'), 4);
}

export function matchesKind(kind: MediaKind, bytes: Uint8Array): boolean {
	return kind === 'image' ? imageTypeOf(bytes) !== undefined : isMp4(bytes);
}

export const KIND_NAMES: Record<MediaKind, string> = {
	image: 'a PNG, JPEG or WebP image',
	video: 'an MP4 video',
};
