/**
 * The plugin's server entry. The cms' TypeScript build compiles it with the rest of src/
 * into dist/src/plugins/messages/strapi-server.js, where config/plugins.ts points the
 * running server; `strapi build` bundles admin/src from the sources instead.
 */
export { default } from './server/src';
