// Manual preview: a seeded in-memory server with the built UI, until Ctrl-C.
//   node --import tsx e2e/support/preview.ts [port]
import { ApiClient, seedCity } from './seed.ts';
import { startServer } from './server.ts';

const server = await startServer(Number(process.argv[2] ?? 0));
await seedCity(new ApiClient(server.baseUrl));
process.stdout.write(`${server.baseUrl}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
