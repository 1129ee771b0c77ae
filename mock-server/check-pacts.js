#!/usr/bin/env node
'use strict';
// Checks one pact file against the contract with swagger-mock-validator, the validator the
// project runs on its own pacts, and prints each finding as one tab-separated line for
// io.github.coupontools.mock.PactCheck:
//   RESULT <type> <rule> <interaction> <state> <location in the pact> <message>
// Exit 0: no error; 1: errors; 2: the check itself failed (unreadable file, bad spec).
//
// usage: node check-pacts.js <spec.yaml> <pact.json>

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

// The package is ESM and exports only its factory; its content API (dist/api.js) is imported by
// path from the node_modules folders on NODE_PATH (set by PactCheck), then this script's own.
async function loadValidator() {
  const folders = (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean)
    .concat(path.join(__dirname, 'node_modules'));
  for (const folder of folders) {
    const api = path.join(folder, '@pactflow', 'swagger-mock-validator', 'dist', 'api.js');
    if (fs.existsSync(api)) return (await import(pathToFileURL(api).href)).default;
  }
  throw new Error(`@pactflow/swagger-mock-validator not found in ${folders.join(', ')}`);
}

function clean(text) {
  return String(text === undefined || text === null ? '' : text).replace(/[\t\r\n]+/g, ' ').trim();
}

// The validator reads no V4 provider states and says '[none]'.
function state(text) {
  const value = clean(text);
  return value === '[none]' ? '' : value;
}

// '[root].interactions[0].request.body.coupon' -> 'request.body.coupon'
function pactLocation(location) {
  const match = /\.interactions\[\d+\]\.(.*)$/.exec(location || '');
  return match ? match[1] : clean(location);
}

async function main() {
  const [specPath, pactPath] = process.argv.slice(2);
  if (!specPath || !pactPath) throw new Error('usage: check-pacts.js <spec> <pact>');
  const specContent = fs.readFileSync(specPath, 'utf8');
  const validator = await loadValidator();
  const outcome = await validator.validate({
    spec: { content: specContent, format: 'openapi3', pathOrUrl: specPath },
    mock: { content: fs.readFileSync(pactPath, 'utf8'), format: 'pact', pathOrUrl: pactPath },
    additionalPropertiesInResponse: false,
    requiredPropertiesInResponse: false,
  });
  if (outcome.failureReason && !outcome.errors.length) {
    console.log(`FAILURE\t${clean(outcome.failureReason)}`);
  }
  for (const result of [...outcome.errors, ...outcome.warnings]) {
    const mock = result.mockDetails || {};
    console.log(['RESULT', result.type, result.code, clean(mock.interactionDescription),
      state(mock.interactionState), pactLocation(mock.location), clean(result.message)]
      .join('\t'));
  }
  process.exitCode = outcome.errors.length ? 1 : 0;
}

main().catch((error) => {
  console.log(`FAILURE\t${clean(error && (error.stack || error.message || error))}`);
  process.exitCode = 2;
});
