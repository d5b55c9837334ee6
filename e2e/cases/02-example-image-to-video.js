'use strict';
/*
 * examples/2-image-to-video.json: HTTP Request fetches an image -> Create with the image as
 * reference (multipart upload) -> Download the thumbnail.
 */
const { itemsOf, describeRun } = require('../n8n-cli');
const { loadExample, prepare, setParameter } = require('../lib/workflows');
const { CREDENTIAL, API_KEY, requestsOf, readBinaryFile } = require('../lib/context');

module.exports = {
	title: 'example 2, image to video',
	async run({ n8n, api, assets, filesDir }, t) {
		const workflow = prepare(loadExample('2-image-to-video.json'), { credential: CREDENTIAL, filesDir });
		setParameter(workflow, 'Fetch First Frame', 'url', `${assets.origin}/frame.png`);
		setParameter(workflow, 'Create From Image', 'options.pollInterval', 1);
		api.jobPlan = { pollsUntilDone: 2, pollAfterMs: 200 };
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);
		const wait = t;

		wait.ok(run.ok, 'the execution succeeds', describeRun(run));
		t.equal(assets.requests.map((request) => request.url), ['/frame.png'], 'the HTTP Request node fetched the image');
		const [image] = itemsOf(run.runData, 'Fetch First Frame');
		t.includes(image?.binary?.data, { mimeType: 'image/png' }, 'the image reaches the node as binary "data"');

		const [create] = requestsOf(api, 'POST', '/videos');
		t.ok(create?.form, 'Create sends multipart/form-data', create && `content-type ${create.headers['content-type']}`);
		t.equal(create?.headers.authorization, `Bearer ${API_KEY}`, 'the upload carries the key');
		t.includes(
			create?.form?.fields,
			{ prompt: workflow.nodes[2].parameters.prompt, model: 'sora-2', seconds: '4', size: '1280x720' },
			'the form fields hold prompt, model, seconds and size',
		);
		const file = create?.form?.files?.input_reference;
		t.includes(file, { mimeType: 'image/png' }, 'the image travels as the input_reference file part');
		t.ok(file && Buffer.compare(file.data, assets.png) === 0, 'the uploaded bytes are the fetched image', file && `${file.data.length} bytes`);

		const id = api.videos.keys().next().value;
		wait.ok(requestsOf(api, 'GET', `/videos/${id}`).length >= 2, 'Create waits for the job');
		wait.equal(
			requestsOf(api, 'GET', `/videos/${id}/content`).map((request) => request.query.variant),
			['thumbnail'],
			'only the thumbnail is downloaded (Create has downloadResult off)',
		);
		const [thumb] = itemsOf(run.runData, 'Download Thumbnail');
		wait.includes(thumb?.binary?.thumbnail, { mimeType: 'image/webp', fileName: `${id}.webp` }, 'Download puts the WebP thumbnail in binary "thumbnail"');
		wait.equal(readBinaryFile(n8n.n8nFolder, thumb?.binary?.thumbnail)?.toString(), `fake-webp:${id}`, 'n8n stored the thumbnail bytes on disk');
	},
};
