// Prints every problem in content/exercises; exits 1 when there is one.
import { checkLibrary, readLibraryFiles } from '../src/server/features/library/content-check.js';

const { items, problems } = readLibraryFiles();
const all = [...problems, ...checkLibrary(items)];
for (const p of all) console.log(p);
console.log(`${items.length} valid items, ${all.length} problems`);
process.exit(all.length ? 1 : 0);
