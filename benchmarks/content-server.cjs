// Serves large video files from a child process, so the benchmark measures only the downloading side.
const { startFakeApi } = require('../fake-api/server.cjs');

const MiB = 1024 * 1024;

startFakeApi({ apiKey: process.env.FAKE_API_KEY }).then((api) => {
	const ids = {};
	for (const sizeMiB of JSON.parse(process.env.SIZES_MIB)) {
		const video = api.addVideo();
		api.setContent(video.id, 'video', { size: sizeMiB * MiB, contentType: 'video/mp4' });
		ids[sizeMiB] = video.id;
	}
	process.send({ baseUrl: api.baseUrl, ids });
});
