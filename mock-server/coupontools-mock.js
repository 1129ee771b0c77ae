#!/usr/bin/env node
'use strict';
// The Coupontools mock: Prism's own HTTP server and engine (@stoplight/prism-http-server,
// @stoplight/prism-http) with one component replaced. Prism answers an invalid request with the
// first example of the error response, whatever was wrong; this layer reads Prism's violations and
// serves the documented error of the field that is wrong instead, or the API's generic parameter
// error when the documentation has none for that field. Everything else is Prism's behaviour.
//
// usage: node coupontools-mock.js [--host 127.0.0.1] [--port 4010] [-v info] <spec>

const { createServer } = require('@stoplight/prism-http-server');
const { getHttpOperationsFromSpec, ProblemJsonError } = require('@stoplight/prism-http');
const prismMock = require('@stoplight/prism-http/dist/mocker').default;
const { createLogger } = require('@stoplight/prism-core');
const E = require('fp-ts/Either');
const { Writable } = require('stream');

const ERROR_EXTENSION = 'x-coupontools-errors';
const GENERIC_MESSAGE = 'HTTP/1.0 422 Unprocessable entity.';

function parseArgs(argv) {
  const options = { host: '127.0.0.1', port: 4010, level: 'info', spec: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--host' || arg === '-h') options.host = argv[++i];
    else if (arg === '--port' || arg === '-p') options.port = Number(argv[++i]);
    else if (arg === '-v' || arg === '--verboseLevel') options.level = argv[++i];
    else if (arg === '--errors') options.errors = true;
    else if (!arg.startsWith('-')) options.spec = arg;
    else throw new Error(`Unknown option ${arg}`);
  }
  if (!options.spec) throw new Error('usage: coupontools-mock.js [--host H] [--port P] [-v level] <spec>');
  return options;
}

// Each example as {name, status, codes, texts} from the operation's error responses (not 401).
function errorExamples(resource) {
  const result = [];
  for (const response of resource.responses || []) {
    const status = Number(response.code);
    if (!(status >= 400) || status === 401) continue;
    for (const content of response.contents || []) {
      for (const example of content.examples || []) {
        const body = example.value || {};
        const errors = (body.status && body.status.errors) || body.errors || {};
        result.push({
          name: example.key,
          status,
          codes: [].concat(errors.error_code || []),
          texts: [].concat(errors.error_message_description || []).map(String),
        });
      }
    }
  }
  return result;
}

function mentions(example, field) {
  const word = new RegExp(`(^|[^a-z0-9_])${field.toLowerCase()}([^a-z0-9_]|$)`);
  return example.texts.some(text => word.test(text.toLowerCase()));
}

// The field a violation is about and whether it is missing or invalid.
function describe(violation) {
  const path = (violation.path || []).map(String);
  if (path[0] !== 'body') return undefined;
  if (violation.code === 'required') {
    const named = /property '([^']+)'/.exec(violation.message || '');
    const field = named ? named[1] : path[path.length - 1];
    return { field, missing: true };
  }
  if (path.length > 1) return { field: path[1], missing: false };
  return { field: undefined, missing: false, rule: violation.code };
}

function requestSchema(resource) {
  const contents = (resource.request && resource.request.body && resource.request.body.contents) || [];
  return (contents[0] && contents[0].schema) || {};
}

function declaredErrors(schema) {
  return [].concat((schema && schema[ERROR_EXTENSION]) || []);
}

// Picks the documented example for a violation, or undefined when the documentation has none:
// the errors the property names (x-coupontools-errors), then an error of the right class whose
// message names the property, then the errors the request schema names for its rules between
// fields (anyOf / not).
function chooseExample(resource, violation) {
  const about = describe(violation);
  if (!about) return undefined;
  const examples = errorExamples(resource);
  const byName = name => examples.find(example => example.name === name);
  const schema = requestSchema(resource);
  const ruleErrors = declaredErrors(schema).map(byName).filter(Boolean);
  if (!about.field) return ruleErrors[0];
  const ofKind = example => (about.missing ? isMissingCode(example) : isInvalidCode(example));
  const property = (schema.properties || {})[about.field];
  const declared = declaredErrors(property).map(byName).filter(Boolean).filter(ofKind);
  if (declared.length) return declared[0];
  const named = examples.find(example => ofKind(example) && mentions(example, about.field));
  if (named) return named;
  // A required property that only a rule between fields asks for (anyOf of required lists).
  const inRule = !(schema.required || []).includes(about.field);
  return about.missing && inRule ? ruleErrors[0] : undefined;
}

function isInvalidCode(example) {
  return example.codes.some(code => (code >= 300 && code <= 349) || code === 400)
    && !isMissingCode(example);
}

function isMissingCode(example) {
  return example.codes.includes(200)
    || (example.codes.includes(400) && example.texts.some(text => /^Missing parameter/.test(text)));
}

function genericError(resource, violation) {
  const about = describe(violation) || {};
  const missing = about.missing;
  // A rule between fields without a field of its own (not: both of them) names its fields.
  const ruleFields = ((requestSchema(resource).not || {}).required || []).join(', ');
  const field = about.field || ruleFields || 'body';
  const code = missing ? 200 : about.field ? (violation.code === 'enum' ? 302 : 301) : 300;
  const text = missing ? `Missing parameter: ${field}`
    : code === 301 ? `Invalid character in parameter: ${field}` : `Invalid value in parameter: ${field}`;
  return {
    statusCode: 422,
    headers: { 'Content-type': 'application/json', 'x-coupontools-mock-error': 'generic' },
    body: {
      status: {
        status: 'failed',
        errors: { error_code: [code], error_message: GENERIC_MESSAGE, error_message_description: [text] },
      },
    },
  };
}

function notFound(detail) {
  return ProblemJsonError.fromTemplate({ type: 'NOT_FOUND', title: 'Not Found', status: 404 }, detail);
}

// A Prefer header naming a status or example the operation does not document gets a 404 saying so.
function unknownPreference(resource, config) {
  if (!config.exampleKey && !config.code) return undefined;
  const responses = resource.responses || [];
  const status = config.code
    ? String(config.code)
    : (responses.map(r => r.code).filter(code => /^2/.test(code)).sort()[0]);
  const response = responses.find(r => r.code === status);
  const operation = resource.iid || resource.path;
  if (!response) {
    return notFound(`Prefer: ${operation} documents no HTTP ${status} response; documented: `
      + responses.map(r => r.code).join(', ') + '.');
  }
  if (!config.exampleKey) return undefined;
  const names = [].concat(...(response.contents || []).map(c => (c.examples || []).map(e => e.key)));
  if (names.includes(config.exampleKey)) return undefined;
  return notFound(`Prefer: the HTTP ${status} response of ${operation} has no example named `
    + `'${config.exampleKey}'; its examples: ${names.join(', ')}`
    + (config.code ? '.' : ' (error examples need code=<status> as well).'));
}

function truthfulMock(options) {
  const { resource, input, config } = options;
  const unknown = unknownPreference(resource, config);
  if (unknown) return () => E.left(unknown);
  const errors = (input.validations || []).filter(v => v.severity === 0);
  const security = errors.some(v => v.code === 401);
  if (errors.length === 0 || security || (config.code && config.exampleKey)) {
    return prismMock(options);
  }
  // An operation that declares its own error response without examples (the v4 REST calls,
  // whose error format is undocumented) gets Prism's own answer from it: no Coupontools envelope
  // is invented. A v3 operation that documents no error still gets the API's generic one.
  const ownError = (resource.responses || [])
    .some(response => Number(response.code) >= 400 && Number(response.code) !== 401);
  if (ownError && errorExamples(resource).length === 0) {
    return prismMock(options);
  }
  // A violation naming a field says more than the rule around it (anyOf, not).
  const violation = errors.find(v => (describe(v) || {}).field) || errors[0];
  const example = chooseExample(resource, violation);
  if (!example) {
    const response = genericError(resource, violation);
    return logger => {
      logger.info(`Invalid request (${violation.message}): generic parameter error ${response.body.status.errors.error_code[0]}`);
      return E.right(response);
    };
  }
  return logger => {
    logger.info(`Invalid request (${violation.message}): documented error ${example.name}`);
    return prismMock({ ...options, config: { ...config, code: example.status, exampleKey: example.name } })(logger);
  };
}

// Prism's log lines are JSON; print them as "[NAME] message" like the Prism CLI does.
function logDestination() {
  return new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        try {
          const entry = JSON.parse(line);
          process.stdout.write(`[${entry.name || 'MOCK'}] ${entry.msg}\n`);
        } catch (notJson) {
          process.stdout.write(line + '\n');
        }
      }
      done();
    },
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const logger = createLogger('CLI', { level: options.level }, logDestination());
  const operations = await getHttpOperationsFromSpec(options.spec);
  const server = createServer(operations, {
    cors: true,
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: true,
      upstreamProxy: undefined,
      isProxy: false,
      mock: { dynamic: false },
    },
    components: { logger: logger.child({ name: 'HTTP SERVER' }), mock: truthfulMock },
  });
  const address = await server.listen(options.port, options.host);
  logger.info(`Coupontools mock (Prism engine) is listening on ${address}`);
  const stop = () => server.close().then(() => process.exit(0), () => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`coupontools-mock: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
  });
}

module.exports = { chooseExample, describe, errorExamples, truthfulMock };
