import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandPattern, firstFreePath, isIsoDate, localIsoDate, patternVariables, postmortemPath, slugify } from '../../client/src/file-naming';

const fields = { title: 'DB pool exhausted: API 500s!', severity: 'SEV-2', date: '2024-01-15' };

test('slugs: lower case words joined by hyphens, accents dropped', () => {
  assert.equal(slugify('DB pool exhausted: API 500s!'), 'db-pool-exhausted-api-500s');
  assert.equal(slugify('  Café façade — TLS cert expired  '), 'cafe-facade-tls-cert-expired');
  assert.equal(slugify("Payments' retry storm"), 'payments-retry-storm');
  assert.equal(slugify('Größe'), 'große');
});

test('slugs are never empty and cut at a word boundary', () => {
  assert.equal(slugify('!!!'), 'postmortem');
  const long = slugify('word '.repeat(30));
  assert.ok(long.length <= 60 && !long.endsWith('-'), long);
  assert.equal(long, Array(12).fill('word').join('-'));
  assert.equal(slugify('x'.repeat(80)), 'x'.repeat(60));
});

test('the default patterns give postmortems/<year>/<date>-<slug>.md', () => {
  assert.equal(postmortemPath('postmortems/${year}', '${date}-${slug}.md', fields), 'postmortems/2024/2024-01-15-db-pool-exhausted-api-500s.md');
});

test('patterns know year, month, day, date, slug and severity', () => {
  assert.deepEqual(patternVariables(fields), { year: '2024', month: '01', day: '15', date: '2024-01-15', slug: 'db-pool-exhausted-api-500s', severity: 'sev-2' });
  assert.equal(postmortemPath('incidents/${year}/${month}/', '${day}-${severity}-${slug}.md', fields), 'incidents/2024/01/15-sev-2-db-pool-exhausted-api-500s.md');
  assert.equal(postmortemPath('', '${slug}.md', fields), 'db-pool-exhausted-api-500s.md');
});

test('an unknown variable is an error that names the known ones', () => {
  assert.throws(() => expandPattern('${yaer}', patternVariables(fields)), /Unknown variable \$\{yaer\}.*\$\{year\}/);
});

test('a folder outside the workspace is refused', () => {
  assert.throws(() => postmortemPath('../elsewhere', '${slug}.md', fields), /inside the workspace/);
  assert.throws(() => postmortemPath('/etc', '${slug}.md', fields), /inside the workspace/);
  assert.throws(() => postmortemPath('docs', '', fields), /empty name/);
});

test('an existing file is never overwritten: the next free name gets a counter', async () => {
  const taken = new Set(['p/2024-01-15-x.md', 'p/2024-01-15-x-2.md']);
  const exists = (path: string) => Promise.resolve(taken.has(path));
  assert.equal(await firstFreePath('p/2024-01-15-x.md', exists), 'p/2024-01-15-x-3.md');
  assert.equal(await firstFreePath('p/free.md', exists), 'p/free.md');
  taken.add('p.d/notes');
  assert.equal(await firstFreePath('p.d/notes', exists), 'p.d/notes-2');
});

test('dates: real calendar days only; today is the local day', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2023-02-29'), false);
  assert.equal(isIsoDate('2024-1-5'), false);
  assert.equal(localIsoDate(new Date(2024, 0, 5, 23, 59)), '2024-01-05');
});
