'use strict';
/*
 * Where OpenAI's API reference and its OpenAPI document (openapi/videos.openapi.yaml) disagree,
 * the reference wins (issue 11). Each entry changes the parsed document in one place and says why;
 * test/fake-api/spec.test.ts has a test for each. Each `why` quotes its source; the `// source:` line names
 * the file (cited as in profiles.cjs).
 */

const EXTEND_SECONDS = ['4', '8', '12', '16', '20'];

/** `http(s)://host…` or `data:<type>;base64,<data>`: "a fully qualified URL or base64-encoded data URL". */
function isImageUrl(text) {
	if (/^data:[\w.+-]+\/[\w.+-]+(;[\w.+-]+=[^;,]*)*;base64,[A-Za-z0-9+/]+={0,2}$/.test(text)) return true;
	try {
		const url = new URL(text);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/** Formats the document uses that ajv-formats does not know, and the one an override adds. */
const FORMATS = {
	unixtime: { type: 'number', validate: (value) => Number.isInteger(value) && value >= 0 },
	'image-url': { type: 'string', validate: isImageUrl },
};

const OVERRIDES = [
	{
		// source: /work/shared/reference/openai-videos-api/004_8f1f793eb90142ac.txt (videos.extend: "allowed values: 4, 8, 12, 16, 20")
		where: 'CreateVideoExtendJsonBody.seconds, CreateVideoExtendMultipartBody.seconds',
		why:
			"The schema's enum (VideoSeconds) says 4, 8, 12; its own description and the reference " +
			'(videos.extend: "allowed values: 4, 8, 12, 16, 20") allow 16 and 20 too.',
		apply(schemas) {
			for (const name of ['CreateVideoExtendJsonBody', 'CreateVideoExtendMultipartBody']) {
				schemas[name].properties.seconds = { type: 'string', enum: EXTEND_SECONDS };
			}
		},
	},
	{
		// source: /work/shared/reference/openai-videos-api/004_8f1f793eb90142ac.txt (image_url: "A fully qualified URL or base64-encoded data URL.")
		where: 'ImageRefParam-2.image_url',
		why:
			'The schema says `format: uri`, which any scheme passes ("foo:bar"); the reference says ' +
			'"A fully qualified URL or base64-encoded data URL".',
		apply(schemas) {
			schemas['ImageRefParam-2'].properties.image_url.format = 'image-url';
		},
	},
	{
		// source: /work/shared/reference/openai-openapi/videos.openapi.yaml (ImageRefParam-2's description: "Provide exactly one of `image_url` or `file_id`")
		where: 'ImageRefParam-2',
		why: 'The schema requires nothing; its description says "Provide exactly one of `image_url` or `file_id`".',
		apply(schemas) {
			schemas['ImageRefParam-2']['x-exactly-one'] = ['image_url', 'file_id'];
		},
	},
	{
		// source: https://developers.openai.com/api/docs/guides/video-generation (download variants: video mp4, thumbnail webp, spritesheet jpg);
		// the exact content-type header image/jpeg: none found (assumed from the .jpg)
		where: 'RetrieveVideoContent 200',
		why:
			'The document lists video/mp4, image/webp and application/json answers; a spritesheet is a ' +
			'JPEG (the node names it `.jpg`, and OpenAI serves it as image/jpeg).',
		apply(_schemas, paths) {
			paths['/videos/{video_id}/content'].get.responses['200'].content['image/jpeg'] = {
				schema: { type: 'string', format: 'binary' },
			};
		},
	},
];

/** The document with every override applied (it is changed in place and returned). */
function applyOverrides(doc) {
	for (const override of OVERRIDES) override.apply(doc.components.schemas, doc.paths);
	return doc;
}

module.exports = { applyOverrides, OVERRIDES, FORMATS, EXTEND_SECONDS, isImageUrl };
