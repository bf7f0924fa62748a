// A day of editing, as a busy editor drives the language server: real-sized postmortems open, random
// edits, and after each edit the requests an editor sends. Shared by the soak test and the soak benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { serverStateRequest, type ServerState } from '../../server/src/protocol';
import { fixturePath } from '../helpers';
import type { TestServer } from './harness';

/** mulberry32: small and seedable, so a run can be repeated edit for edit. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** What edits are made of: sentences, timeline events and actions read from the project's own fixture postmortems. */
export interface Material {
  postmortems: string[];
  sentences: string[];
  events: string[];
  actions: string[];
}

// Written for this project: sentences the blame rule has to judge while the author types.
const blamingSentences = [
  'Dana forgot to renew the certificate before it expired.',
  'The on-call engineer should have noticed the alert sooner.',
  'Marcus deployed the change without running the migration check.',
  'Nobody was watching the replication lag dashboard that night.',
  'This outage was caused by human error during the release.',
  'The DBA carelessly dropped the wrong index.',
];
const people = ['@priya', '@tomasz', '@wei', '@dana', '@aisha', '@marcus', '@ines', '@hana', '@platform-team'];
const markup = ['*', '**', '_', '`', '[', ']', '#', '|', '> ', '- ', '~~', '<!-- ', ' -->'];

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listMarkdown(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []))
    .sort();
}

export function readMaterial(): Material {
  const postmortems = listMarkdown(fixturePath('corpus', 'postmortems')).map((path) => readFileSync(path, 'utf8'));
  const sentences = new Set<string>(blamingSentences);
  const events = new Set<string>();
  const actions = new Set<string>();
  for (const text of postmortems) {
    for (const block of text.split(/\n\s*\n/)) {
      const prose = block.replace(/\n/g, ' ').trim();
      if (prose.length < 80 || /^[#|*>`\-\d]/.test(prose)) continue;
      for (const sentence of prose.split(/(?<=\.)\s+(?=[A-Z])/)) if (sentence.length > 30) sentences.add(sentence);
    }
    for (const match of text.matchAll(/^(?:- |\| )\**\d{1,2}:\d{2}(?: UTC)?\**\s*[|:–-]?\s*(.{20,}?)\s*\|?$/gm)) events.add(match[1]);
    for (const match of text.matchAll(/^- \[[ x]\] (?:\[P\d\] )?([^(\n]{20,}?)\s*(?:\(|—|$)/gm)) actions.add(match[1]);
  }
  return { postmortems, sentences: [...sentences], events: [...events], actions: [...actions] };
}

export interface SoakDocument {
  uri: string;
  text: string;
}

/** `count` postmortems of 5-15 KB: fixture postmortems grown with more prose, timeline entries and action items. */
export function generateDocuments(folder: string, count: number, seed: number): SoakDocument[] {
  const material = readMaterial();
  const rng = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const size = 5_000 + Math.floor(rng() * 10_000);
    let text = material.postmortems[i % material.postmortems.length].replace(/^(# .+)$/m, `$1 (${i + 1})`);
    for (let guard = 0; text.length < size && guard < 500; guard++) text = grow(text, material, rng);
    return { uri: `file://${join(folder, 'postmortems', `soak-${i + 1}.md`)}`, text };
  });
}

/** Adds a paragraph to a prose section, an entry to the timeline or an item to the action items. */
function grow(text: string, material: Material, rng: () => number): string {
  const headings = [...text.matchAll(/^##+ .*$/gm)];
  if (headings.length === 0) return `${text}\n${pick(rng, material.sentences)}\n`;
  const at = Math.floor(rng() * headings.length);
  const heading = headings[at];
  const end = at + 1 < headings.length ? headings[at + 1].index : text.length;
  const addition = /timeline|chronology/i.test(heading[0])
    ? timelineLine(material, rng)
    : /action|follow-up|remediation/i.test(heading[0])
      ? actionItem(material, rng)
      : Array.from({ length: 2 + Math.floor(rng() * 3) }, () => pick(rng, material.sentences)).join(' ');
  return `${text.slice(0, end).trimEnd()}\n\n${addition}\n\n${text.slice(end)}`;
}

function timelineLine(material: Material, rng: () => number): string {
  const time = `${String(Math.floor(rng() * 24)).padStart(2, '0')}:${String(Math.floor(rng() * 60)).padStart(2, '0')}`;
  return `- ${time} ${pick(rng, material.events)}`;
}

function actionItem(material: Material, rng: () => number): string {
  const due = `2024-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
  return `- [ ] [P${Math.floor(rng() * 3)}] ${pick(rng, material.actions)} (Owner: ${pick(rng, people)}, Due: ${due})`;
}

/** One random edit: where, what it removes and what it inserts. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

/** Keeps documents real-sized: a long one shrinks, a short one grows. */
const minLength = 4_500;
const maxLength = 15_500;

/**
 * A random edit of `text`, which started the day `startLength` long. A day of editing removes about as
 * much as it writes: a document longer than it started loses a stretch more often than one shorter, so
 * each document's size, and the open documents' total, stays stationary instead of drifting upwards.
 */
export function randomEdit(text: string, startLength: number, rng: () => number, material: Material): Edit {
  const at = Math.floor(rng() * (text.length + 1));
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const wordStart = Math.max(0, text.lastIndexOf(' ', at) + 1);
  const deleting = rng() < (text.length > startLength ? 0.45 : 0.15);
  if (text.length > maxLength || (deleting && text.length > minLength)) {
    const length = 1 + Math.floor(rng() * (text.length > maxLength ? 600 : 300));
    return { start: at, end: Math.min(text.length, at + length), newText: '' };
  }
  const roll = rng();
  if (roll < 0.25) return { start: wordStart, end: wordStart, newText: `${pick(rng, material.sentences)} ` };
  if (roll < 0.45) return { start: lineEnd, end: lineEnd, newText: `\n${timelineLine(material, rng)}` };
  if (roll < 0.65) return { start: lineEnd, end: lineEnd, newText: `\n${actionItem(material, rng)}` };
  if (roll < 0.85) return { start: at, end: at, newText: pick(rng, markup) };
  return { start: lineEnd, end: lineEnd, newText: '\n' };
}

/** An edit of one of the open documents, kept so that another server can be given the same edits. */
export interface DocumentEdit {
  document: number;
  edit: Edit;
}

export interface Soak {
  server: TestServer;
  documents: TextDocument[];
  /** Each document's length when it was opened: edits keep it about that size. */
  startLengths: number[];
  material: Material;
  rng: () => number;
  /** Every edit made, in order. */
  edits: DocumentEdit[];
  /** Milliseconds of each edit, from the change until the answers to its requests. */
  editTimes: number[];
  /** Length of the edited document after each edit: the time of an edit grows with it. */
  editedLengths: number[];
}

export async function openDocuments(server: TestServer, generated: readonly SoakDocument[], seed: number): Promise<Soak> {
  const documents = generated.map((document) => TextDocument.create(document.uri, 'markdown', 1, document.text));
  for (const document of documents) {
    await server.open(document.uri, document.getText(), document.version);
    await pullDiagnostics(server, document.uri);
  }
  const startLengths = documents.map((document) => document.getText().length);
  return { server, documents, startLengths, material: readMaterial(), rng: random(seed), edits: [], editTimes: [], editedLengths: [] };
}

/** Edits a random document and sends what an editor sends next: pull diagnostics, then code actions, hover and completion at the edit. */
export async function editOnce(soak: Soak): Promise<void> {
  const index = Math.floor(soak.rng() * soak.documents.length);
  const text = soak.documents[index].getText();
  await applyEdit(soak, { document: index, edit: randomEdit(text, soak.startLengths[index], soak.rng, soak.material) });
}

/** Makes `planned` (another soak's edit, or a new one) and sends the requests that follow it. */
export async function applyEdit(soak: Soak, planned: DocumentEdit): Promise<void> {
  const { server } = soak;
  const { document: index, edit } = planned;
  const document = soak.documents[index];
  const range: Range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
  const edited = TextDocument.update(document, [{ range, text: edit.newText }], document.version + 1);
  soak.documents[index] = edited;
  soak.edits.push(planned);
  const uri = edited.uri;
  const at = edited.positionAt(edit.start + edit.newText.length);
  const started = performance.now();
  await server.change(uri, edited.version, [{ range, text: edit.newText }]);
  const diagnostics = await pullDiagnostics(server, uri);
  const here = diagnostics.filter((diagnostic) => diagnostic.range.start.line <= at.line && diagnostic.range.end.line >= at.line);
  await Promise.all([
    server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: here } }),
    server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at }),
    server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at }),
  ]);
  soak.editTimes.push(performance.now() - started);
  soak.editedLengths.push(edited.getText().length);
}

/** The open documents' texts as they are now. */
export function currentTexts(soak: Soak): SoakDocument[] {
  return soak.documents.map((document) => ({ uri: document.uri, text: document.getText() }));
}

/** Total length of the open documents, in characters. */
export function totalLength(soak: Soak): number {
  return soak.documents.reduce((sum, document) => sum + document.getText().length, 0);
}

export async function pullDiagnostics(server: TestServer, uri: string): Promise<Diagnostic[]> {
  const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return report.kind === 'full' ? report.items : [];
}

/**
 * Opens each document's final text as a new document and compares its diagnostics with the edited
 * one's. Returns the uris whose diagnostics differ. The copies are closed again.
 */
export async function differencesFromFresh(soak: Soak): Promise<string[]> {
  const differing: string[] = [];
  for (const document of soak.documents) {
    const freshUri = document.uri.replace(/\.md$/, '-fresh.md');
    await soak.server.open(freshUri, document.getText());
    const fresh = JSON.stringify(await pullDiagnostics(soak.server, freshUri)).split(freshUri).join(document.uri);
    const incremental = JSON.stringify(await pullDiagnostics(soak.server, document.uri));
    if (fresh !== incremental) differing.push(document.uri);
    await close(soak.server, freshUri);
  }
  return differing;
}

export async function closeAll(soak: Soak): Promise<void> {
  for (const document of soak.documents) await close(soak.server, document.uri);
}

function close(server: TestServer, uri: string): Promise<void> {
  return server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
}

/** The server's own account of its memory and per-document state (it answers when started with `--debug-state`). */
export function serverState(server: TestServer): Promise<ServerState> {
  return server.connection.sendRequest(serverStateRequest);
}

/** Resident memory of the server process in bytes, from /proc (Linux); undefined elsewhere. */
export function residentBytes(server: TestServer): number | undefined {
  try {
    const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}

/** Processor time the server process has used, in ms (user + system), from /proc (Linux); undefined elsewhere. */
export function processorMs(server: TestServer): number | undefined {
  try {
    // The command name in brackets may hold spaces: the fields are counted after its closing bracket.
    const fields = readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * clockTickMs;
  } catch {
    return undefined;
  }
}
const clockTickMs = 10;
