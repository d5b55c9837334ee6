import { useFakeApi } from '../../harness/fixtures';
import { describeSourceVideo } from './source';

const fake = useFakeApi();

describe('Video → Edit', () => describeSourceVideo(fake, 'edit', '/videos/edits'));
