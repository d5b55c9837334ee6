// This folder's lint config: see ../eslint.dev.config.mjs.
export { default } from '../eslint.dev.config.mjs';
