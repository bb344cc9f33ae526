// Manual preview: a seeded in-memory server with the built UI, until Ctrl-C.
//   node --import tsx e2e/support/preview.ts [port]
import { ApiClient, seedCity } from './seed.ts';
import { startServer } from './server.ts';

const server = await startServer({ port: Number(process.argv[2] ?? 0) });
await seedCity(new ApiClient(server.baseUrl, server.adminToken));
process.stdout.write(`${server.baseUrl}  (sign in as ${server.admin.username} / ${server.admin.password})\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
