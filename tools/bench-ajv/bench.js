#!/usr/bin/env node
// Validates the documents exported by io.ascent.benchmarks.SchemaCorpus against the same schemas with ajv
// (draft-07, fail-fast like Ascent's first pass, date-time format from ajv-formats), and prints documents/s.
// Usage: node bench.js CORPUS_DIR [--workers N] [--seconds S] [--iterations I]
'use strict';
const fs = require('fs');
const path = require('path');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

function load(dir) {
  const schemas = JSON.parse(fs.readFileSync(path.join(dir, 'schemas.json'), 'utf8'));
  const documents = JSON.parse(fs.readFileSync(path.join(dir, 'documents.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv, ['date-time']);
  const validators = schemas.map((s) => ajv.compile(s)); // compiled once per kind, as Ascent does
  return { validators, documents };
}

function run({ validators, documents }, seconds) {
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let count = 0;
  let invalid = 0;
  do {
    for (const d of documents) {
      if (!validators[d.schema](d.document)) invalid++;
    }
    count += documents.length;
  } while (process.hrtime.bigint() < end);
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return { count, invalid, elapsed };
}

if (!isMainThread) {
  const corpus = load(workerData.dir);
  parentPort.on('message', (seconds) => parentPort.postMessage(run(corpus, seconds)));
  parentPort.postMessage('ready');
} else {
  const args = process.argv.slice(2);
  const dir = args[0];
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
  const workers = opt('--workers', 1);
  const seconds = opt('--seconds', 3);
  const iterations = opt('--iterations', 5);
  const warmups = opt('--warmups', 3);
  (async () => {
    const pool = await Promise.all(Array.from({ length: workers }, () => new Promise((resolve) => {
      const w = new Worker(__filename, { workerData: { dir } });
      w.once('message', () => resolve(w));
    })));
    const round = () => Promise.all(pool.map((w) => new Promise((resolve) => {
      w.once('message', resolve);
      w.postMessage(seconds);
    })));
    const docs = JSON.parse(fs.readFileSync(path.join(dir, 'documents.json'), 'utf8')).length;
    console.log(`ajv ${require('ajv/package.json').version}, node ${process.version}, ${docs} documents, ${workers} worker(s)`);
    const scores = [];
    for (let i = 0; i < warmups + iterations; i++) {
      const results = await round();
      const rate = results.reduce((sum, r) => sum + r.count / r.elapsed, 0);
      const invalid = results.reduce((sum, r) => sum + r.invalid, 0);
      const label = i < warmups ? `warmup ${i + 1}` : `iteration ${i - warmups + 1}`;
      console.log(`${label}: ${Math.round(rate)} documents/s${invalid ? ` (${invalid} invalid!)` : ''}`);
      if (i >= warmups) scores.push(rate);
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    console.log(`mean: ${Math.round(mean)} documents/s over ${iterations} x ${seconds} s`);
    pool.forEach((w) => w.terminate());
  })();
}
