/** The image `npm run image` builds, as the container test and the docs name it. */
import { DEFAULT_CONTAINER_PORT } from '../src/targets/drivers/container.js';

export const REFERENCE_IMAGE = 'tunnel-conformance/reference:local';
/** Where the reference server listens inside the image: the container target's default, so no flag is needed. */
export const REFERENCE_PORT = DEFAULT_CONTAINER_PORT;
