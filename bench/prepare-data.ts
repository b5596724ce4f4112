// Generates a benchmark database into a directory and prints what the load needs (links, owner).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/index.js';
import { generate, SCALES } from './generate.js';

const dir = process.argv[2];
const scale = process.env.BENCH_SCALE ?? 'standard';
const database = await openDatabase({ url: `file:${join(dir, 'bench.sqlite')}`, dataDir: dir });
const data = await generate(database.db, SCALES[scale], { label: `data (${scale})` });
await database.close();
writeFileSync(
  join(dir, 'data.json'),
  JSON.stringify({
    owners: data.owners,
    links: data.links.slice(0, 2000),
    sessionIds: data.sessionIds.slice(0, 10),
    clientIds: data.clientIds.slice(0, 200),
  }),
);
