/** The API's description (OpenAPI 3.1) and a page to read it: public, like the API they describe. */
const config = { auth: false as const };

export default {
  routes: [
    { method: 'GET', path: '/openapi.json', handler: 'api::api-description.api-description.document', config },
    { method: 'GET', path: '/docs', handler: 'api::api-description.api-description.page', config },
    { method: 'GET', path: '/docs/:file', handler: 'api::api-description.api-description.asset', config },
  ],
};
