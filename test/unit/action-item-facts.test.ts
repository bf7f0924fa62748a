// The domain decisions about action items, made once in the core: today, overdue, days left, due windows, owners,
// priority due dates, the severity scale and the size limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxFileSizeBytes } from '../../server/src/analysis/limits';
import { lintUsage } from '../../server/src/cli/usage';
import { defaultSettings } from '../../server/src/lsp/settings';
import { repoRoot } from '../helpers';
import { defaultConfig } from '../../server/src/analysis/config';
import {
  daysUntilDue,
  dueDateForPriority,
  dueWindowDays,
  dueWindowOf,
  isOverdue,
  ownerMatches,
  ownersOf,
} from '../../server/src/analysis/action-item-facts';
import type { ValueAt } from '../../server/src/analysis/model';
import { normaliseSeverity, severityLevels, severityRange } from '../../server/src/analysis/severity';
import { today } from '../../server/src/analysis/time';

const day = '2024-03-13';

test('today is the date in the configured time zone, which near midnight is not the UTC date', () => {
  const lateInUtc = () => new Date('2024-03-10T23:30:00Z');
  assert.equal(today({ timeZone: 'UTC', clock: lateInUtc }), '2024-03-10');
  assert.equal(today({ timeZone: 'Asia/Tokyo', clock: lateInUtc }), '2024-03-11');
  assert.equal(today({ timeZone: 'UTC+02:00', clock: lateInUtc }), '2024-03-11');
  const earlyInUtc = () => new Date('2024-03-11T02:00:00Z');
  assert.equal(today({ timeZone: 'America/Los_Angeles', clock: earlyInUtc }), '2024-03-10');
});

test('without a configured zone, today is the machine\'s local date', () => {
  const clock = () => new Date(2024, 0, 5, 0, 1);
  assert.equal(today({ clock }), '2024-01-05');
  assert.equal(today({ timeZone: undefined, clock: () => new Date(2023, 11, 31, 23, 59) }), '2023-12-31');
});

test('an item due today is not overdue; one due yesterday is', () => {
  assert.equal(isOverdue({ status: 'open', due: day }, day), false);
  assert.equal(isOverdue({ status: 'open', due: '2024-03-12' }, day), true);
  assert.equal(isOverdue({ status: 'open', due: undefined }, day), false);
});

test('a done item is never overdue', () => {
  assert.equal(isOverdue({ status: 'done', due: '2020-01-01' }, day), false);
  assert.equal(dueWindowOf({ status: 'done', due: '2020-01-01' }, day), 'done');
});

test('the model\'s dated values and the workspace\'s plain ones are judged alike', () => {
  const span = { start: 0, end: 10 };
  const due: ValueAt<string> = { value: '2024-03-12', span };
  const owner: ValueAt<string> = { value: '@ana, @bo', span };
  assert.equal(isOverdue({ status: 'open', due }, day), true);
  assert.equal(daysUntilDue({ due }, '2024-03-05'), 7);
  assert.deepEqual(ownersOf({ owner }), ['@ana', '@bo']);
});

test('days until due count across months and years, negative when past', () => {
  assert.equal(daysUntilDue({ due: day }, day), 0);
  assert.equal(daysUntilDue({ due: '2024-03-01' }, '2024-02-28'), 2);
  assert.equal(daysUntilDue({ due: '2025-01-03' }, '2024-12-30'), 4);
  assert.equal(daysUntilDue({ due: '2024-02-29' }, day), -13);
  assert.equal(daysUntilDue({ due: undefined }, day), undefined);
});

test('due windows: this week is today and the six days after it', () => {
  const window = (due: string | undefined) => dueWindowOf({ status: 'open', due }, day);
  assert.equal(window('2024-03-12'), 'overdue');
  assert.equal(window('2024-03-13'), 'thisWeek');
  assert.equal(window('2024-03-19'), 'thisWeek');
  assert.equal(window('2024-03-20'), 'later');
  assert.equal(window(undefined), 'noDate');
});

test('owners: a cell naming several people matches each of them, with or without @, in any case', () => {
  const shared = { owner: '@ana, @bo' };
  assert.deepEqual(ownersOf(shared), ['@ana', '@bo']);
  assert.equal(ownerMatches(shared, 'ana'), true);
  assert.equal(ownerMatches(shared, '@ana'), true);
  assert.equal(ownerMatches(shared, ' @BO '), true);
  assert.equal(ownerMatches(shared, 'an'), false);
  assert.equal(ownerMatches(shared, '@'), false);
  assert.equal(ownerMatches({ owner: undefined }, 'ana'), false);
});

test('owners: "and", semicolons and ampersands separate people; a team handle with a slash stays whole', () => {
  assert.deepEqual(ownersOf({ owner: 'Ana Lima and Bo; Cy & Di' }), ['Ana Lima', 'Bo', 'Cy', 'Di']);
  assert.equal(ownerMatches({ owner: 'Ana Lima and Bo' }, 'ana lima'), true);
  assert.deepEqual(ownersOf({ owner: '@org/sre' }), ['@org/sre']);
  assert.equal(ownerMatches({ owner: 'Brandon' }, 'and'), false);
});

test('a priority\'s due date: P0 a week, P1 a month, P2 a quarter, unless the config or the rule says otherwise', () => {
  const config = defaultConfig();
  assert.equal(dueDateForPriority(0, '2024-01-15', config), '2024-01-22');
  assert.equal(dueDateForPriority(1, '2024-01-15', config), '2024-02-14');
  assert.equal(dueDateForPriority(2, '2024-01-15', config), '2024-04-14');
  config.dueWindows.P2 = 60;
  assert.equal(dueWindowDays(2, config), 60);
  config.rules['action-item-due-window'] = { severity: undefined, options: { P0: 3 } };
  assert.equal(dueDateForPriority(0, '2024-01-15', config), '2024-01-18');
  config.rules['action-item-due-window'] = { severity: undefined, options: { P0: 'soon' } };
  assert.equal(dueWindowDays(0, config), 7);
});

test('the severity scale is SEV-1 to SEV-3, each level with its meaning; the words teams grade with read as levels, and nothing else is a severity', () => {
  assert.deepEqual(severityLevels.map((level) => level.label), ['SEV-1', 'SEV-2', 'SEV-3']);
  for (const level of severityLevels) assert.match(level.meaning, /^\w+: .+/);
  assert.equal(severityRange, 'SEV-1 to SEV-3');
  assert.equal(normaliseSeverity('SEV-1'), 'SEV-1');
  assert.equal(normaliseSeverity('sev 3'), 'SEV-3');
  assert.equal(normaliseSeverity('S2 (major)'), 'SEV-2');
  assert.equal(normaliseSeverity('SEV-0'), undefined);
  assert.equal(normaliseSeverity('SEV-4'), undefined);
  assert.equal(normaliseSeverity('SEV-12'), undefined);
  assert.equal(normaliseSeverity('Critical'), 'SEV-1');
  assert.equal(normaliseSeverity('High - checkout down'), 'SEV-2');
  assert.equal(normaliseSeverity('**minor**'), 'SEV-3');
  assert.equal(normaliseSeverity('Highly visible'), undefined);
  assert.equal(normaliseSeverity('Amber'), undefined);
});

test('the size limit is one number: the editor setting\'s default, the server\'s and the CLI\'s', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  };
  assert.equal(manifest.contributes.configuration.properties['postmortem.maxFileSize']?.default, maxFileSizeBytes);
  assert.equal(defaultSettings.maxFileSize, maxFileSizeBytes);
  assert.match(lintUsage, new RegExp(`Files over ${maxFileSizeBytes / 1024 / 1024} MB`));
});
