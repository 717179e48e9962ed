// Creates a new ingest fixture: `npm run new-fixture -- good|bad|must-not-crash NAME INPUT.txt
// [--file inbox/path.txt] [--zone Area/City]`. It copies the input and writes DRAFT expectations
// (`expected.md.draft`, `expected.json.draft`) from what ingest does today. The fixture test
// fails while a draft exists: read each draft against the input and the spec, correct it by hand,
// then drop ".draft". Never accept a draft unread; it records today's behaviour, bugs included.

import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIXTURE_KINDS, FIXTURES_DIR, runFixture } from './fixture-runner.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { file: { type: 'string' }, zone: { type: 'string' } } });
const [kind, name, input] = positionals;
if (!kind || !name || !input || !(FIXTURE_KINDS as readonly string[]).includes(kind) || !/^[a-z0-9-]+$/.test(name)) {
  process.stderr.write('Usage: npm run new-fixture -- good|bad|must-not-crash kebab-case-name input.txt [--file inbox/path.txt] [--zone Area/City]\n');
  process.exit(2);
}
const dir = path.join(FIXTURES_DIR, kind, name);
if (existsSync(dir)) {
  process.stderr.write(`${dir} exists already; choose another name.\n`);
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
copyFileSync(input, path.join(dir, 'input.txt'));
if (values.file || values.zone) {
  writeFileSync(path.join(dir, 'case.json'), `${JSON.stringify({ ...(values.file ? { file: values.file } : {}), ...(values.zone ? { timeZone: values.zone } : {}) }, null, 2)}\n`);
}

const { parsed, problems } = runFixture(dir);
const drafts: string[] = [];
if (kind === 'good' && parsed) {
  const { title, subtitle, date, dateSource, language, section } = parsed.frontmatter;
  writeFileSync(path.join(dir, 'expected.md.draft'), `${parsed.body}\n`);
  writeFileSync(
    path.join(dir, 'expected.json.draft'),
    `${JSON.stringify({ title, subtitle: subtitle ?? null, date, dateSource, language, ...(section ? { section } : {}), removed: parsed.removed, problems }, null, 2)}\n`,
  );
  drafts.push('expected.md.draft', 'expected.json.draft');
} else if (kind === 'bad') {
  writeFileSync(path.join(dir, 'expected.json.draft'), `${JSON.stringify({ published: parsed !== undefined, problems }, null, 2)}\n`);
  drafts.push('expected.json.draft');
}
process.stdout.write(
  `Created ${path.relative(process.cwd(), dir)}/ with input.txt${drafts.length ? ` and drafts: ${drafts.join(', ')}` : ''}.\n` +
    (drafts.length ? 'Review every line of each draft against the input, fix what is wrong, then remove ".draft" from the names.\n' : ''),
);
