import path from 'node:path';
import { measure, startServer, stopServer } from '/work/main/bench/support/measure.mts';
const cms = await startServer<{ port: number; jwt: string; memberJwt: string }>('/work/main/bench/support/serve-cms.mts', { CATALOGUE_CACHE_SECONDS: '2', NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof2' });
const url = `http://127.0.0.1:${cms.info.port}/api/products?pageSize=100`;
console.log(await measure('anon', url, { seconds: 5 }));
console.log(await measure('jwt', url, { seconds: 8, headers: { authorization: `Bearer ${cms.info.jwt}` } }));
cms.child.kill('SIGINT'); await new Promise((r) => cms.child.once('exit', r));
