// Short status posts with no Action items section tell the changes made after the incident in prose ("we have since put
// safeguards in place"): each is a done item, and a step of the story told in the same words is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';

function items(body: string): { text: string; status: string }[] {
  const text = `# Checkout outage on 3 March\n\n${body}\n`;
  const analysis = analyze(text, { force: true, today: '2024-05-02' });
  return (analysis.model?.actionItems ?? []).map((item) => ({ text: text.slice(item.span.start, item.span.end), status: item.status }));
}

test('a change made to keep the failure from coming back is a done item, in the writers\' words or in the passive', () => {
  const found = items(
    [
      'For forty minutes no order could be paid. A proxy rule sent every request to one node, which fell over and took the others with it.',
      'We have since corrected the proxy rule and added per-node traffic alerts so that an imbalance pages the on-call first.',
      'The rule file has been fixed, and a separate check has been created to compare the rules with the node list.',
    ].join('\n\n'),
  );
  assert.deepEqual(
    found.map((item) => item.status),
    ['done', 'done', 'done'],
    JSON.stringify(found),
  );
  assert.ok(found[0].text.startsWith('We have since corrected the proxy rule'));
  assert.ok(found[2].text.startsWith('a separate check has been created'));
});

test('working with a provider to change the setup, and new policies drafted, are remediations too', () => {
  assert.equal(items('The outage lasted an hour.\n\nWe worked with our host to adjust the balancer settings and to add additional health probes.').length, 1);
  assert.equal(items('The outage lasted an hour.\n\nAll customers got a credit. New review policies drafted to check every certificate rotation.').length, 1);
});

test('the same verbs in the story, with no purpose of keeping the failure away, are no items', () => {
  assert.deepEqual(items('On Monday we have updated the proxy to the new release, and at 14:00 the first errors came in.\n\nWe have pinned down the cause of the errors.'), []);
});

test('a promise to roll out fixes is read again, not taken for the writers guiding the reader', () => {
  const found = items('The panel went down twice.\n\nSo we have two patches that we will start shipping next week.');
  assert.equal(found.length, 1);
  assert.equal(found[0].status, 'open');
  // "We'll start with the timeline" still only guides the reader.
  assert.deepEqual(items('The panel went down twice.\n\nWe will start with the timeline and then the cause.'), []);
});

test('work under way named by its noun, a review announced, and the writer putting a check in place are open items', () => {
  const found = items(
    [
      'The dashboard was down for an hour.',
      'We are in the process of storage improvements so the queue cannot overflow again.',
      'I am putting a quota monitor in place for early warning.',
      'Clearly there will be a thorough review of why the failover tests missed this.',
    ].join('\n\n'),
  );
  assert.deepEqual(found.map((item) => item.status), ['open', 'open', 'open'], JSON.stringify(found));
});

test('watching the situation and adding capacity to recover are no follow-up work', () => {
  assert.deepEqual(items('The dashboard was down.\n\nWe will be monitoring the situation closely.\n\nWe are adding more servers to recover.'), []);
});

test('measures taken, a series of steps after "including", and work with a vendor towards a safeguard', () => {
  const found = items(
    'Both edge switches failed overnight.\n\nWe have taken measures to insure that a repeat is less severe, including ordering a spare chassis, and ordering spare power supplies for both racks.\n\nWe are working with the switch vendor to ensure this fault cannot recur.',
  );
  assert.deepEqual(found.map((item) => [item.text, item.status]), [
    ['ordering a spare chassis', 'done'],
    ['ordering spare power supplies for both racks', 'done'],
    ['We are working with the switch vendor to ensure this fault cannot recur.', 'open'],
  ]);
});

test('a page kept as plain text with one paragraph a line: a time opening the first line does not make the whole page a status update', () => {
  const line = (text: string) => text.padEnd(170, ' and the on-call engineer kept the customers informed on the status page as the work went on').slice(0, 170).trimEnd() + '.';
  const page = [
    line('At 02:45 the core router lost both power feeds and every customer lost connectivity'),
    line('Technicians arrived at 03:12, replaced the failed supply and restored service at 04:32'),
    'We have taken measures to insure this does not happen again, including ordering a second power supply for the router, and ordering a spare for the switch that has none at present.',
  ].join('\n');
  assert.deepEqual(items(page).map((item) => item.status), ['done', 'done']);
});

test('the step the writers take up next, or work on an upgrade, is an item; "my next step" and "I\'m working on" are the writer\'s own', () => {
  const text =
    "# Wiki outage on 4 May\n\nThe disk filled up with old backups.\n\nMy next step is to script the rotation of old backups.\n\nOur next effort will be in shortening the time a restore takes.\n\nI'm working on upgrading the wiki to the current release.\n\nWe are working on a patch for the failing logins.\n";
  const found = analyze(text, { force: true, today: '2024-05-02' }).model?.actionItems ?? [];
  assert.deepEqual(found.map((item) => [item.description, item.owner?.value]), [
    ['My next step is to script the rotation of old backups.', 'I'],
    ['Our next effort will be in shortening the time a restore takes.', undefined],
    ["I'm working on upgrading the wiki to the current release.", 'I'],
  ]);
});

test('the next step told of the past, or of someone else\'s, is no item', () => {
  assert.deepEqual(items('The disk filled up.\n\nOur next step was to restart the database.\n\nThe next step is to open the settings page, as the guide says.'), []);
});

test('improvements made, told as a series whose gerunds may carry an adverb or share an object, are done items', () => {
  const found = items(
    'Someone read the build secrets.\n\nFirst, as part of the remediation, we have revoked every token found in the secrets.\n\nOver the past week we have made several improvements to the build farm, including completely removing shared tokens, hardening and widening the leak scanner, and moving secrets to a key service. We also plan on retiring the old token format.',
  );
  assert.deepEqual(found.map((item) => [item.text, item.status]), [
    ['First, as part of the remediation, we have revoked every token found in the secrets.', 'done'],
    ['completely removing shared tokens', 'done'],
    ['hardening and widening the leak scanner', 'done'],
    ['moving secrets to a key service', 'done'],
    ['We also plan on retiring the old token format.', 'open'],
  ]);
});

test('a step of the response told without a purpose of keeping the failure away stays out', () => {
  assert.deepEqual(items('Someone read the build secrets.\n\nWe have revoked the token and restarted the runners.'), []);
});

test('a promise joined to the writers\' first verb, anywhere in a paragraph, is an item; news of the post itself is not', () => {
  const found = items(
    "The disk filled up overnight. I regret the outage and will personally make sure the team is paged before disks fill up again.\n\nWe'd discussed a pager schedule for months and plan to start one soon.\n\nWe asked for a CVE number and will amend this announcement when we get it.",
  );
  assert.deepEqual(found.map((item) => item.status), ['open', 'open']);
  assert.ok(found[0].text.startsWith('I regret the outage and will personally make sure'));
  assert.ok(found[1].text.startsWith("We'd discussed a pager schedule"));
});

test('requests blocked to prevent a repeat are a remediation done', () => {
  assert.deepEqual(items('A build farm flooded the API.\n\nWe have blocked all requests for .jar files to prevent any further such requests.').map((item) => item.status), ['done']);
});

test('"I\'ll do better next time" heads the actions, and a name signed below them is no item', () => {
  const text = "# Bot outage\n\n## What happened\n\nThe bot was down for a day.\n\n## I'll do better next time\n\nA future change is for the bot to expose a metrics endpoint, so that it will raise an alert when it stops.\n\n- Damien\n";
  const analysis = analyze(text, { force: true, today: '2024-05-02' });
  assert.deepEqual(analysis.model?.actionItems.map((item) => item.description), ['A future change is for the bot to expose a metrics endpoint, so that it will raise an alert when it stops.']);
});

test('a fix told in the passive with what the code now does, controls tightened now, and changes made "to resolve this" are done items', () => {
  const found = items(
    'The package server let uploads climb out of their folder.\n\nThe server-side code was fixed to sanitize user input.\n\nWe have now tightened the mail controls.\n\nTo resolve this, I have updated every task definition to use the default capacity provider.',
  );
  assert.deepEqual(found.map((item) => item.status), ['done', 'done', 'done']);
  assert.deepEqual(items('The package server was down.\n\nThe server was fixed to be online by noon.\n\nWe have updated the status page.'), []);
});
